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
