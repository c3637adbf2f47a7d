/**
 * The states of a customer's request (§9, APPI Art. 32–39), in the order they are passed:
 * received → identityVerified → feeDue → feePaid → inProgress → fulfilled | partlyFulfilled |
 * refused → notified; cancelled from any state before an outcome.
 */
export const REQUEST_STATES = [
  'received',
  'identityVerified',
  'feeDue',
  'feePaid',
  'inProgress',
  'fulfilled',
  'partlyFulfilled',
  'refused',
  'notified',
  'cancelled',
] as const;

/** One state of a request. */
export type RequestState = (typeof REQUEST_STATES)[number];

/** States from which nothing follows: the request is closed. */
export const CLOSED_STATES: readonly RequestState[] = ['notified', 'cancelled'];

/** True when `s` names a state. */
export function isRequestState(s: string): s is RequestState {
  return (REQUEST_STATES as readonly string[]).includes(s);
}
