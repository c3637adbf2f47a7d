import { refused, normalized, type Normalized } from './ad-value.ts';

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** The ASCII digit at `i` as a number, or -1. */
function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Whether `text` holds ASCII digits only from `from` (inclusive) to `to` (exclusive). */
function digits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (digit(text, i) < 0) return false;
  return true;
}

const isSeparator = (c: number) => c === 45 || c === 47 || c === 46; // - / .

/**
 * Meta DOB: a calendar date as YYYYMMDD (from YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD; each
 * separator optional on its own), hashed. Read character by character: on the export's hot path
 * a regular expression and a Date cost more than the hash. Years before 100 are refused, as a
 * Date would read them as 19xx.
 */
export function dateOfBirth(input: string): Normalized {
  const text = input.trim();
  if (text === '') return refused('empty');
  const n = text.length;
  if (n < 8 || n > 10 || !digits(text, 0, 4)) return refused('invalid_date');
  let i = 4;
  if (isSeparator(text.charCodeAt(i))) i++;
  if (!digits(text, i, i + 2)) return refused('invalid_date');
  const mo = text.slice(i, i + 2);
  i += 2;
  if (isSeparator(text.charCodeAt(i))) i++;
  if (i + 2 !== n || !digits(text, i, n)) return refused('invalid_date');
  const d = text.slice(i, n);
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = (mo.charCodeAt(0) - 48) * 10 + (mo.charCodeAt(1) - 48);
  const day = (d.charCodeAt(0) - 48) * 10 + (d.charCodeAt(1) - 48);
  if (year < 100 || month < 1 || month > 12 || day < 1) return refused('invalid_date');
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const last = month === 2 && leap ? 29 : DAYS[month - 1]!;
  return day <= last ? normalized(`${text.slice(0, 4)}${mo}${d}`, true) : refused('invalid_date');
}
