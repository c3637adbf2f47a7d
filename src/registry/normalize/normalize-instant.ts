import { parseIsoInstant } from '../../policy/index.ts';
import { invalidField } from './invalid-field.ts';
import { textInput } from './text-input.ts';

/**
 * Epoch milliseconds of an ISO 8601 date-time with an offset (`2022-07-01T00:30:00+09:00`).
 * An instant without an offset is refused: Japan dates must never be read as UTC by accident.
 */
export function normalizeInstant(raw: unknown, field: string): number {
  const ms = parseIsoInstant(textInput(field, raw, 64).trim());
  if (Number.isNaN(ms)) {
    throw invalidField(
      field,
      'must be an ISO 8601 date-time with an offset, e.g. 2026-01-10T09:00:00+09:00',
    );
  }
  return ms;
}
