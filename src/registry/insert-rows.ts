import type { Kysely } from 'kysely';
import type { StoreCapabilities } from '../store/index.ts';
import type { RegistryTables } from './registry-tables.ts';

/** Rows per statement at most, whatever the parameter limit allows (bounds statement size). */
const MAX_ROWS_PER_STATEMENT = 2000;

/**
 * Inserts rows with multi-row INSERTs, as many rows per statement as the engine's parameter
 * limit allows (`capabilities.maxParameters`). Every row must have the same columns.
 */
export async function insertRows<T extends keyof RegistryTables & string>(
  db: Kysely<RegistryTables>,
  capabilities: StoreCapabilities,
  table: T,
  rows: readonly RegistryTables[T][],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first).length;
  const size = Math.max(
    1,
    Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(capabilities.maxParameters / columns)),
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const untyped = db as Kysely<any>;
  for (let i = 0; i < rows.length; i += size) {
    await untyped
      .insertInto(table)
      .values(rows.slice(i, i + size) as Record<string, unknown>[])
      .execute();
  }
}
