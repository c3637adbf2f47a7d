import { refused, normalized, type Normalized } from './ad-value.ts';

// AAID and IDFA are both UUIDs (8-4-4-4-12 hex).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A mobile advertising ID (AAID, IDFA) lower-cased and sent in clear: platforms match it as is. */
export function advertisingId(input: string): Normalized {
  const text = input.trim().toLowerCase();
  if (text === '') return refused('empty');
  return UUID.test(text) ? normalized(text, false) : refused('invalid_advertising_id');
}
