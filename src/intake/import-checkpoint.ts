import type { Kysely } from 'kysely';
import type { ReadFrom } from './source-row.ts';
import { intakeDb } from './intake-tables.ts';

/** Where an import stands, and what it did so far. */
export interface ImportCheckpoint {
  readonly next: ReadFrom;
  readonly imported: number;
  readonly skipped: number;
  readonly bad: number;
  readonly batches: number;
}

/** The checkpoint of an unfinished import of this file, if any. */
export async function readCheckpoint(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  fileKey: string,
): Promise<ImportCheckpoint | undefined> {
  const row = await intakeDb(db)
    .selectFrom('intake_checkpoints')
    .selectAll()
    .where('file_key', '=', fileKey)
    .where('completed_at', 'is', null)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    next: { offset: Number(row.next_offset), line: Number(row.next_line) },
    imported: Number(row.imported),
    skipped: Number(row.skipped),
    bad: Number(row.bad),
    batches: Number(row.batches),
  };
}

/**
 * Records where the import stands, inside the batch's own transaction: the rows before `next`
 * are committed exactly when this is. `completed` marks the file read to its end.
 */
export async function saveCheckpoint(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  fileKey: string,
  checkpoint: ImportCheckpoint,
  at: number,
  completed = false,
): Promise<void> {
  const values = {
    next_offset: checkpoint.next.offset,
    next_line: checkpoint.next.line,
    imported: checkpoint.imported,
    skipped: checkpoint.skipped,
    bad: checkpoint.bad,
    batches: checkpoint.batches,
    updated_at: at,
    completed_at: completed ? at : null,
  };
  await intakeDb(db)
    .insertInto('intake_checkpoints')
    .values({ file_key: fileKey, ...values })
    .onConflict((oc) => oc.column('file_key').doUpdateSet(values))
    .execute();
}
