import { appendFile, writeFile } from 'node:fs/promises';
import type { FieldProblem } from '../registry/index.ts';
import { formatCsvRow } from './csv/format-csv-row.ts';

/** A row refused, as the report tells it: where and why, never the value. */
export interface BadRow {
  readonly line: number;
  readonly problems: readonly FieldProblem[];
}

/** Where refused rows are told. */
export interface BadRowReport {
  /** Appends the refused rows of one committed batch. */
  write(rows: readonly BadRow[]): Promise<void>;
}

/**
 * A report file of refused rows, one line per problem: CSV (`line,field,reason`) when the path
 * ends in .csv, NDJSON (`{"line":…,"field":…,"reason":…}`) otherwise. A resumed import appends
 * to it; a new one starts it afresh.
 */
export async function openBadRowReport(path: string, resume: boolean): Promise<BadRowReport> {
  const csv = path.toLowerCase().endsWith('.csv');
  if (!resume) await writeFile(path, csv ? formatCsvRow(['line', 'field', 'reason']) : '');
  return {
    async write(rows) {
      if (rows.length === 0) return;
      let text = '';
      for (const { line, problems } of rows) {
        for (const { field, reason } of problems) {
          text += csv
            ? formatCsvRow([String(line), field, reason])
            : `${JSON.stringify({ line, field, reason })}\n`;
        }
      }
      await appendFile(path, text);
    },
  };
}
