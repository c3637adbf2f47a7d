import { refused, normalized, type Normalized } from './ad-value.ts';

const DATE = /^(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})$/;

/** Meta DOB: a calendar date as YYYYMMDD (from YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD), hashed. */
export function dateOfBirth(input: string): Normalized {
  const text = input.trim();
  if (text === '') return refused('empty');
  const m = DATE.exec(text);
  if (m === null) return refused('invalid_date');
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const real =
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(mo) - 1 &&
    date.getUTCDate() === Number(d);
  return real ? normalized(`${y}${mo}${d}`, true) : refused('invalid_date');
}
