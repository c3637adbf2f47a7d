import { normalized, refused, type Normalized } from './ad-value.ts';
import { dateOfBirth } from './date-of-birth.ts';

const YEAR = /^\d{4}$/;

/** Meta DOBY: the year of birth as YYYY, from a year or a full date of birth, hashed. */
export function birthYear(input: string): Normalized {
  const text = input.trim();
  if (text === '') return refused('empty');
  if (YEAR.test(text)) {
    const y = Number(text);
    return y >= 1800 && y <= 2999 ? normalized(text, true) : refused('invalid_date');
  }
  const date = dateOfBirth(text);
  return date.ok ? normalized(date.normalized.slice(0, 4), true) : date;
}
