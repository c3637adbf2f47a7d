import { can, type Principal } from '../security/index.ts';
import type { CustomerRequest } from './customer-request.ts';
import type { RequestEventType } from './request-event.ts';
import { allowedTarget } from './transition-table.ts';

/** The steps of the API, each a route `POST /v1/requests/:id/<step>`. */
export type RequestStep =
  'verify' | 'payment' | 'start' | 'fulfil' | 'refuse' | 'notify' | 'cancel';

/** The events each step may record (fulfil: wholly or partly). */
const STEP_EVENTS: Readonly<Record<RequestStep, readonly RequestEventType[]>> = {
  verify: ['verify'],
  payment: ['pay'],
  start: ['start'],
  fulfil: ['fulfil', 'fulfilPartly'],
  refuse: ['refuse'],
  notify: ['notify'],
  cancel: ['cancel'],
};

const STEPS = Object.keys(STEP_EVENTS) as RequestStep[];

/**
 * The steps `principal` may take on `request` now: those the transition table (TRANSITIONS)
 * allows from its state, for a charged or free kind, and none without 'requests.manage'.
 * Clients show these and nothing else, so that no copy of the table lives outside the API.
 */
export function requestSteps(request: CustomerRequest, principal: Principal): RequestStep[] {
  if (!can(principal, 'requests.manage')) return [];
  return STEPS.filter((step) =>
    STEP_EVENTS[step].some((e) => allowedTarget(request.state, e, request.charged) !== null),
  );
}
