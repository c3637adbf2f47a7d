import { invalidField } from './invalid-field.ts';
import { textInput } from './text-input.ts';

/** How a free-text value is normalized. */
export interface TextOptions {
  /** Most characters kept; default 2,000. */
  readonly maxLength?: number;
  /** Unicode form: NFKC folds full-width letters and half-width kana (names, addresses). */
  readonly form?: 'NFC' | 'NFKC';
}

// Control characters and lone surrogates: never part of a value a person gave.
const FORBIDDEN = /[\p{Cc}\p{Cs}]/u;

// Bidirectional overrides, isolates and marks, zero-width characters and the BOM: invisible,
// they make a stored address or name read otherwise than it is ("…\u202eRTLNUL" shows as
// "LUNLTR"), or two values that look alike differ. A person's name or address needs none.
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;

/**
 * Free text in one Unicode form, runs of white space as one space, trimmed. Throws
 * 'registry.invalid_field' when empty, too long or holding control, bidi or zero-width characters.
 */
export function normalizeText(raw: unknown, field: string, options: TextOptions = {}): string {
  const max = options.maxLength ?? 2000;
  const text = textInput(field, raw)
    .normalize(options.form ?? 'NFC')
    .replace(/\s+/gu, ' ')
    .trim();
  if (text.length === 0) throw invalidField(field, 'must not be empty');
  if (text.length > max) throw invalidField(field, `must be at most ${max} characters`);
  if (FORBIDDEN.test(text)) throw invalidField(field, 'must not contain control characters');
  if (INVISIBLE.test(text))
    throw invalidField(
      field,
      'must not contain bidirectional or zero-width characters (U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, U+FEFF…)',
    );
  return text;
}
