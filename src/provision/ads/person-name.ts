import { refused, normalized, type Normalized } from './ad-value.ts';
import { trimmedLower } from './trimmed-lower.ts';

/** A first or last name trimmed and lower-cased, UTF-8 kept (no transliteration), hashed. */
export function personName(input: string): Normalized {
  const text = trimmedLower(input);
  return text === '' ? refused('empty') : normalized(text, true);
}
