import type { Kysely } from 'kysely';
import type { BadRow } from './bad-row-report.ts';
import { intakeDb } from './intake-tables.ts';

/** Problems written per statement: 4 parameters each, under both engines' limits. */
const PER_INSERT = 2_000;

/** Records a batch's refused rows for the file, inside the batch's transaction `db`. */
export async function recordBadRows(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  fileKey: string,
  rows: readonly BadRow[],
): Promise<void> {
  const values = rows.flatMap(({ line, problems }) =>
    problems.map(({ field, reason }) => ({ file_key: fileKey, line, field, reason })),
  );
  for (let i = 0; i < values.length; i += PER_INSERT)
    await intakeDb(db)
      .insertInto('intake_bad_rows')
      .values(values.slice(i, i + PER_INSERT))
      .execute();
}

/** The refused rows recorded for the file, by line, their problems in the order recorded. */
export async function recordedBadRows(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  fileKey: string,
): Promise<BadRow[]> {
  const rows = await intakeDb(db)
    .selectFrom('intake_bad_rows')
    .select(['line', 'field', 'reason'])
    .where('file_key', '=', fileKey)
    .execute();
  const byLine = new Map<number, { field: string; reason: string }[]>();
  for (const r of rows) {
    const line = Number(r.line);
    const list = byLine.get(line) ?? [];
    list.push({ field: r.field, reason: r.reason });
    byLine.set(line, list);
  }
  return [...byLine].sort(([a], [b]) => a - b).map(([line, problems]) => ({ line, problems }));
}

/** Forgets the file's recorded rows: an import that starts the file over. */
export async function forgetBadRows(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  fileKey: string,
): Promise<void> {
  await intakeDb(db).deleteFrom('intake_bad_rows').where('file_key', '=', fileKey).execute();
}
