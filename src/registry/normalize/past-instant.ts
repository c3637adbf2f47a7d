import { invalidField } from './invalid-field.ts';

/** Clocks of other systems may run a little ahead; more than this is a date not yet come. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Refuses an instant after `now` (beyond the clock skew) where only a past can be true: an
 * item is obtained before it is recorded (OBTAIN, APPI Art. 21: the purposes are told at or
 * before acquisition, read against the policy of the acquisition date), a consent is given
 * before it is recorded (APPI Art. 20(2), 27(1): prior consent). An item dated 2099 would be
 * decided under a policy not yet in force.
 */
export function requirePast(at: number, now: number | undefined, field: string): number {
  if (now !== undefined && at > now + CLOCK_SKEW_MS)
    throw invalidField(field, 'must not be in the future');
  return at;
}
