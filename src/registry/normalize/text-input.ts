import { invalidField } from './invalid-field.ts';

/** Longest raw input any normalizer reads, so that a hostile string costs little. */
export const MAX_RAW_LENGTH = 10_000;

/** The raw input as a string of bounded length, or the field's error. */
export function textInput(field: string, raw: unknown, maxLength = MAX_RAW_LENGTH): string {
  if (typeof raw !== 'string') throw invalidField(field, 'must be a string');
  if (raw.length > maxLength) throw invalidField(field, `must be at most ${maxLength} characters`);
  return raw;
}
