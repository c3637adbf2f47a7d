import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Store, StoreMigration } from './store.ts';

/** What ran: the names of the migrations applied now, in order. */
export interface MigrationReport {
  readonly applied: readonly string[];
}

/**
 * Brings the store to the latest schema. Migrations are named `NNNN-slice-what` so that
 * they sort in the order they must run; each runs once, in a transaction where the engine
 * allows it.
 */
export async function migrateToLatest(
  store: Store,
  migrations: Readonly<Record<string, StoreMigration>>,
): Promise<MigrationReport> {
  const provider: MigrationProvider = {
    getMigrations: async () =>
      Object.fromEntries(
        Object.entries(migrations).map(([name, m]): [string, Migration] => [
          name,
          { up: (db) => m.up(db, store.capabilities) },
        ]),
      ),
  };
  // Kysely looks for its bookkeeping tables across every schema; name ours, or a table of the
  // same name in another schema would be taken for it.
  const migrator = new Migrator({
    db: store.db,
    provider,
    ...(store.schema ? { migrationTableSchema: store.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  };
}
