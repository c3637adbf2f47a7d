import { sql } from 'kysely';
import type { Store, StoreMigration } from './store.ts';

/** What ran: the names of the migrations applied now, in order. */
export interface MigrationReport {
  readonly applied: readonly string[];
}

/**
 * Brings the store to the latest schema. Migrations are named `NNNN-slice-what` so that they
 * sort in the order they must run; each runs once, in its own transaction with the row that
 * records it, so a failed migration leaves nothing behind.
 *
 * hogo keeps its own bookkeeping table rather than Kysely's Migrator: that one introspects
 * every schema of the database, and on a PostgreSQL shared with other schemas being dropped at
 * the same moment (parallel test runs) the catalogue query itself fails.
 */
export async function migrateToLatest(
  store: Store,
  migrations: Readonly<Record<string, StoreMigration>>,
): Promise<MigrationReport> {
  const db = store.db;
  await sql`create table if not exists hogo_migrations (name text primary key, applied_at bigint not null)`.execute(
    db,
  );
  const applied: string[] = [];
  for (const name of Object.keys(migrations).sort()) {
    const done = await db.transaction().execute(async (tx) => {
      // One migrator at a time: PostgreSQL takes a transaction-scoped advisory lock; SQLite
      // serialises writers anyway, and the insert below makes the second one a no-op.
      if (store.capabilities.concurrentWriters) {
        await sql`select pg_advisory_xact_lock(7201180)`.execute(tx);
      }
      const seen = await sql<{
        name: string;
      }>`select name from hogo_migrations where name = ${name}`.execute(tx);
      if (seen.rows.length > 0) return false;
      try {
        await migrations[name]!.up(tx, store.capabilities);
      } catch (e) {
        throw new Error(`migration ${name} failed: ${(e as Error).message}`);
      }
      await sql`insert into hogo_migrations (name, applied_at) values (${name}, ${Date.now()})`.execute(
        tx,
      );
      return true;
    });
    if (done) applied.push(name);
  }
  return { applied };
}
