/** The states of a request, in order (REQUEST_STATES of the API). */
export const STATES = [
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

/** States before an outcome, from which a request may be cancelled. */
export const OPEN_STATES: ReadonlySet<string> = new Set(STATES.slice(0, 5));
