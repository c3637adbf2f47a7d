import { IMPORT_COLUMNS } from './import-columns.ts';
import { invalidHeader } from './intake-errors.ts';

const KNOWN = new Set(IMPORT_COLUMNS.map((c) => c.name));
const REQUIRED = IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.name);

/**
 * Checks a CSV header: known column names, each once, the required ones present. Throws
 * 'intake.invalid_header'. An unknown column is named by position only: a file without a
 * header row would otherwise put its first customer's values in the message.
 */
export function checkHeader(columns: readonly string[]): string[] {
  const names = columns.map((c) => c.trim());
  const unknown = names.flatMap((n, i) => (KNOWN.has(n) ? [] : [i + 1]));
  if (unknown.length > 0) {
    throw invalidHeader(
      `has column(s) at position ${unknown.join(', ')} that are not columns of the import format (is the header row missing?)`,
    );
  }
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw invalidHeader(`has the column ${twice} twice`);
  const missing = REQUIRED.filter((n) => !names.includes(n));
  if (missing.length > 0) throw invalidHeader(`lacks the required column(s) ${missing.join(', ')}`);
  return names;
}
