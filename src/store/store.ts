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
  close(): Promise<void>;
}

/** One step of a slice's schema; names sort in the order they run. */
export interface StoreMigration {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>, capabilities: StoreCapabilities): Promise<void>;
}
