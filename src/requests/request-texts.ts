import type { CustomerRequest } from './customer-request.ts';
import type { RequestTextField, StoredText } from './stored-text.ts';

/** The free texts a request holds, by field (only those it has), as stored. */
export function requestTexts(r: CustomerRequest): Partial<Record<RequestTextField, StoredText>> {
  const texts: Partial<Record<RequestTextField, StoredText>> = {};
  if (r.detailsSealed !== undefined) texts.details = { sealed: r.detailsSealed };
  if (r.requester.type === 'agent') texts.evidence = r.requester.evidence;
  if (r.fee.surcharge !== null) texts.surcharge = r.fee.surcharge.reason;
  if (r.payment !== null && r.payment.reference !== null) texts.payment = r.payment.reference;
  if (r.outcome?.refusal != null) texts.refusal = r.outcome.refusal.message;
  if (r.cancelled !== null) texts.cancelled = r.cancelled.reason;
  return texts;
}
