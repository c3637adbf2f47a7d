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

/**
 * Free text in one Unicode form, runs of white space as one space, trimmed. Throws
 * 'registry.invalid_field' when empty, too long or holding control characters.
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
  return text;
}
