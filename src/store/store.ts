import type { Kysely } from 'kysely';

/**
 * What differs between the engines, as flags a slice may read; a slice never asks which
 * engine it runs on.
 */
export interface StoreCapabilities {
  /** Most bound parameters one statement may carry (batch sizes derive from it). */
  readonly maxParameters: number;
  /** Several processes may write at once (PostgreSQL); SQLite serialises writers. */
  readonly concurrentWriters: boolean;
  /** The column type for bytes (ciphertexts, hashes). */
  readonly bytesType: 'blob' | 'bytea';
}

/** A column of `Store.bulkInsert`: its name and SQL type (bytes is the engine's bytes type). */
export interface BulkColumn {
  readonly name: string;
  readonly type: 'text' | 'integer' | 'bigint' | 'bytes';
}

/** An open database: Kysely over SQLite or PostgreSQL, migrated. */
export interface Store {
  /** Slices narrow it to their own tables with `db.withTables<T>()`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly db: Kysely<any>;
  readonly engine: 'sqlite' | 'postgres';
  readonly capabilities: StoreCapabilities;
  /** PostgreSQL: the schema holding hogo's tables; null on SQLite. */
  readonly schema: string | null;
  /** Where the data lives, without credentials (for logs and the console). */
  readonly location: string;
  /**
   * Inserts many rows (each an array of values in `columns` order) into `table` inside the
   * transaction `tx`, the fastest way the engine has, without the query builder: SQLite runs one
   * cached prepared statement per row on the connection `tx` holds; PostgreSQL sends one
   * `INSERT … SELECT * FROM unnest($1::text[], …)` per call. Throws when `tx` is not a
   * transaction, so a bulk write is always all or nothing with the rest of its batch.
   * `table` and column names are trusted identifiers (the caller's own schema), never input.
   */
  bulkInsert(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    tx: Kysely<any>,
    table: string,
    columns: readonly BulkColumn[],
    rows: readonly (readonly unknown[])[],
  ): Promise<void>;
  close(): Promise<void>;
}

/** One step of a slice's schema; names sort in the order they run. */
export interface StoreMigration {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>, capabilities: StoreCapabilities): Promise<void>;
}
