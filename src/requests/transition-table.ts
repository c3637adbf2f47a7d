import type { RequestEventType } from './request-event.ts';
import type { RequestState } from './request-state.ts';

/** One allowed step: the state it leads to, and whether it holds only for charged or free kinds. */
export interface TransitionRule {
  readonly to: RequestState;
  readonly only?: 'charged' | 'free';
}

const OPEN_CANCEL: TransitionRule = { to: 'cancelled' };

/**
 * Every allowed step, by state and event. Free kinds go from identityVerified straight to
 * inProgress; charged kinds must pass feeDue and feePaid (REQUEST.FEE, APPI Art. 38).
 * Refusal on the merits comes only after the request was examined (inProgress); before that a
 * request is refused only because the requester's identity could not be confirmed (received)
 * or the fee was not paid (feeDue) — grounds `transition` checks — and the customer is told
 * (Art. 36) instead of the request being dropped. A request may be cancelled until it has an
 * outcome; once it has one, only notification remains.
 */
export const TRANSITIONS: Readonly<
  Record<RequestState, Partial<Record<RequestEventType, TransitionRule>>>
> = {
  received: { verify: { to: 'identityVerified' }, refuse: { to: 'refused' }, cancel: OPEN_CANCEL },
  identityVerified: {
    requestFee: { to: 'feeDue', only: 'charged' },
    start: { to: 'inProgress', only: 'free' },
    cancel: OPEN_CANCEL,
  },
  feeDue: {
    pay: { to: 'feePaid', only: 'charged' },
    refuse: { to: 'refused', only: 'charged' },
    cancel: OPEN_CANCEL,
  },
  feePaid: { start: { to: 'inProgress', only: 'charged' }, cancel: OPEN_CANCEL },
  inProgress: {
    fulfil: { to: 'fulfilled' },
    fulfilPartly: { to: 'partlyFulfilled' },
    refuse: { to: 'refused' },
    cancel: OPEN_CANCEL,
  },
  fulfilled: { notify: { to: 'notified' } },
  partlyFulfilled: { notify: { to: 'notified' } },
  refused: { notify: { to: 'notified' } },
  notified: {},
  cancelled: {},
};

/** The state `event` leads to from `state` for a charged or free request, or null if none. */
export function allowedTarget(
  state: RequestState,
  event: RequestEventType,
  charged: boolean,
): RequestState | null {
  const rule = TRANSITIONS[state][event];
  if (rule === undefined) return null;
  if (rule.only === 'charged' && !charged) return null;
  if (rule.only === 'free' && charged) return null;
  return rule.to;
}
