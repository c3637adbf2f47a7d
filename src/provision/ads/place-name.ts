import { normalized, refused, type Normalized } from './ad-value.ts';
import { trimmedLower } from './trimmed-lower.ts';

// Meta: no punctuation, no special characters, no spaces, no digits; letters kept in UTF-8.
const DROPPED = /[\s\p{P}\p{S}\p{N}]/gu;

/** Meta CT and ST: a city or a state/prefecture lower-cased, letters only (UTF-8 kept), hashed. */
export function placeName(input: string): Normalized {
  const text = trimmedLower(input).replace(DROPPED, '');
  return text === '' ? refused('empty') : normalized(text, true);
}
