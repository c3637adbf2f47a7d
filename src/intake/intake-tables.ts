import type { Kysely } from 'kysely';

/** The intake slice's tables, as Kysely sees them. */
export type IntakeTables = {
  /**
   * Where an import of one file stands: written in the same transaction as each batch, so after
   * a crash it names exactly the rows committed. No personal value: offsets and counts.
   */
  intake_checkpoints: {
    /** SHA-256 of the file's size and first 64 KiB (see fileKey). */
    file_key: string;
    /** Byte offset and line where the next uncommitted row starts. */
    next_offset: number;
    next_line: number;
    imported: number;
    skipped: number;
    bad: number;
    batches: number;
    updated_at: number;
    /** Set when the file was read to its end; a later import of it starts over. */
    completed_at: number | null;
  };
  /** The problems of the rows an import refused, one per problem, per file (no value). */
  intake_bad_rows: {
    file_key: string;
    line: number;
    field: string;
    reason: string;
  };
};

/** The store's database seen through the intake slice's tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const intakeDb = (db: Kysely<any>): Kysely<IntakeTables> => db as Kysely<IntakeTables>;
