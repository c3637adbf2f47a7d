import { HogoError } from '../errors/index.ts';
import { parseIsoInstant } from '../policy/index.ts';

/** Epoch milliseconds of an ISO 8601 instant with offset; 'provision.invalid_instant' naming the field. */
export function parseInstant(value: string, field: string): number {
  const ms = parseIsoInstant(value);
  if (Number.isNaN(ms)) {
    throw new HogoError('provision.invalid_instant', 'must be ISO 8601 with an offset', { field });
  }
  return ms;
}
