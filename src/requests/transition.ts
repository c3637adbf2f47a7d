import { HogoError } from '../errors/index.ts';
import type { CustomerRequest, RequestOutcome } from './customer-request.ts';
import { REFUSAL_REASONS, refusalGrounds, type Refusal } from './refusal-reason.ts';
import type { RequestEvent } from './request-event.ts';
import { allowedTarget } from './transition-table.ts';

/**
 * Applies one event to a request and returns the new request (the old one is untouched).
 * Throws 'requests.illegal_transition' naming the state and the event when the table
 * (TRANSITIONS) has no such step, and the event's own error when its content is wrong: a
 * refusal without a ground of the law or a sentence (APPI Art. 36), a fee or payment that
 * does not match (REQUEST.FEE).
 */
export function transition(request: CustomerRequest, event: RequestEvent): CustomerRequest {
  const to = allowedTarget(request.state, event.type, request.charged);
  if (to === null)
    throw new HogoError(
      'requests.illegal_transition',
      `a request in state ${request.state} cannot take event ${event.type}`,
      { state: request.state, event: event.type },
    );
  const next = { ...request, state: to };
  switch (event.type) {
    case 'verify':
      return { ...next, identity: { method: event.method, by: event.by, at: event.at } };
    case 'requestFee':
      if (event.fee.kind !== request.kind || event.fee.total <= 0)
        throw new HogoError('requests.invalid_fee', 'the fee does not belong to this request', {
          field: 'fee',
        });
      return { ...next, fee: event.fee };
    case 'pay':
      if (event.amount !== request.fee.total)
        throw new HogoError(
          'requests.invalid_payment',
          `the payment must equal the fee due (${request.fee.total})`,
          { field: 'amount', due: request.fee.total },
        );
      return {
        ...next,
        payment: { at: event.at, amount: event.amount, reference: event.reference },
      };
    case 'start':
      return { ...next, startedAt: event.at };
    case 'fulfil':
      return { ...next, outcome: outcome('fulfilled', event, null, event.summary) };
    case 'fulfilPartly':
      checkRefusal(request.kind, request.state, event.refusal);
      return {
        ...next,
        outcome: outcome('partlyFulfilled', event, event.refusal, event.summary),
      };
    case 'refuse':
      checkRefusal(request.kind, request.state, event.refusal);
      return { ...next, outcome: outcome('refused', event, event.refusal, null) };
    case 'notify':
      return { ...next, notifiedAt: event.at, closedAt: event.at };
    case 'cancel':
      if (event.reason.trim() === '')
        throw new HogoError('requests.cancel_reason_required', 'a cancellation needs a reason', {
          field: 'reason',
        });
      return { ...next, cancelled: { at: event.at, reason: event.reason }, closedAt: event.at };
  }
}

function outcome(
  result: 'fulfilled' | 'partlyFulfilled' | 'refused',
  event: { readonly at: number; readonly by: string },
  refusal: Refusal | null,
  summary: Readonly<Record<string, unknown>> | null,
): RequestOutcome {
  return { result, at: event.at, by: event.by, refusal, summary };
}

/**
 * APPI Art. 36: a refusal names a ground the law gives for this kind, in the request's state (a
 * ground on the merits once examined; identity or fee before), and says it to the customer.
 */
function checkRefusal(kind: string, state: string, refusal: Refusal): void {
  const ground = Object.hasOwn(REFUSAL_REASONS, refusal.reason)
    ? REFUSAL_REASONS[refusal.reason]
    : undefined;
  if (ground === undefined)
    throw new HogoError('requests.refusal_reason_required', 'a refusal needs a reason code', {
      field: 'refusal.reason',
    });
  if (!refusalGrounds(kind, state).refuse.includes(refusal.reason))
    throw new HogoError(
      'requests.invalid_refusal_reason',
      `${refusal.reason} (${ground.article}) is no ground to refuse ${kind} while ${state}`,
      { field: 'refusal.reason' },
    );
  if (refusal.message.trim() === '')
    throw new HogoError(
      'requests.refusal_message_required',
      'a refusal needs a sentence for the customer',
      { field: 'refusal.message' },
    );
}
