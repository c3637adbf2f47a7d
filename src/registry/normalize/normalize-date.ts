import { parseIsoInstant } from '../../policy/index.ts';
import { invalidField } from './invalid-field.ts';
import { textInput } from './text-input.ts';

/** A calendar date (a birth date) as `YYYY-MM-DD`; full-width digits are accepted. */
export function normalizeDate(raw: unknown, field: string): string {
  const text = textInput(field, raw, 64).normalize('NFKC').trim().replace(/\//g, '-');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(parseIsoInstant(`${text}T00:00Z`))) {
    throw invalidField(field, 'must be a date YYYY-MM-DD');
  }
  return text;
}
