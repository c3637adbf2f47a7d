import type { RequestEvent } from './request-event.ts';

/**
 * What of an event goes to the event table and the audit log: codes, amounts and ids, never a
 * free text that could hold a personal value (a refusal's sentence, a cancellation's reason, a
 * surcharge's reason and a payment's reference are kept in the request only, sealed under the
 * customer's data key).
 */
export function eventDetail(event: RequestEvent): Record<string, unknown> {
  switch (event.type) {
    case 'verify':
      return { method: event.method };
    case 'requestFee':
      return { total: event.fee.total, surcharge: event.fee.surcharge !== null };
    case 'pay':
      return { amount: event.amount };
    case 'fulfil':
      return event.summary === null ? {} : { summary: event.summary };
    case 'fulfilPartly':
      return {
        reason: event.refusal.reason,
        ...(event.summary === null ? {} : { summary: event.summary }),
      };
    case 'refuse':
      return { reason: event.refusal.reason };
    case 'start':
    case 'notify':
    case 'cancel':
      return {};
  }
}
