import type { CustomerCipher } from '../security/index.ts';
import type { CustomerRequest } from './customer-request.ts';
import { requestTexts } from './request-texts.ts';
import { textContext, type RequestTextField, type StoredText } from './stored-text.ts';

/** True when a free text of the request is still plain: it must be sealed before it is stored. */
export function hasPlainText(r: CustomerRequest): boolean {
  return Object.values(requestTexts(r)).some((t) => typeof t === 'string');
}

/**
 * The request with every plain free text sealed under the customer's data key, each with its
 * own context (`request:<id>:<field>`); texts already sealed are kept as they are. With no
 * cipher (the customer's key was shredded) a plain text is not kept: it is stored as erased.
 */
export function sealRequestTexts(
  r: CustomerRequest,
  cipher: CustomerCipher | null,
): CustomerRequest {
  const seal = (text: StoredText, field: RequestTextField): StoredText => {
    if (typeof text !== 'string') return text;
    if (cipher === null) return { erased: true };
    return { sealed: cipher.encrypt(text, textContext(r.id, field)).toString('base64') };
  };
  return {
    ...r,
    requester:
      r.requester.type === 'agent'
        ? { ...r.requester, evidence: seal(r.requester.evidence, 'evidence') }
        : r.requester,
    fee:
      r.fee.surcharge === null
        ? r.fee
        : {
            ...r.fee,
            surcharge: { ...r.fee.surcharge, reason: seal(r.fee.surcharge.reason, 'surcharge') },
          },
    payment:
      r.payment === null || r.payment.reference === null
        ? r.payment
        : { ...r.payment, reference: seal(r.payment.reference, 'payment') },
    outcome:
      r.outcome === null || r.outcome.refusal === null
        ? r.outcome
        : {
            ...r.outcome,
            refusal: { ...r.outcome.refusal, message: seal(r.outcome.refusal.message, 'refusal') },
          },
    cancelled:
      r.cancelled === null
        ? null
        : { ...r.cancelled, reason: seal(r.cancelled.reason, 'cancelled') },
  };
}
