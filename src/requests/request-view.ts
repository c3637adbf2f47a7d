import type { CustomerRequest, RequestOutcome } from './customer-request.ts';
import type { FeeBreakdown } from './fee-for.ts';
import type { RefusalReasonCode } from './refusal-reason.ts';
import type { RequestTextField, StoredText } from './stored-text.ts';
import type { RequestTextViews, TextView } from './text-view.ts';

/**
 * A request as staff and systems are shown it: the stored request with each free text as a
 * `TextView` (the text only where it was opened for the reader), never a ciphertext.
 */
export type RequestView = Omit<
  CustomerRequest,
  'requester' | 'fee' | 'payment' | 'outcome' | 'cancelled' | 'detailsSealed'
> & {
  readonly requester:
    | { readonly type: 'customer' }
    | {
        readonly type: 'agent';
        readonly authority: 'legalRepresentative' | 'appointedAgent';
        readonly evidence: TextView;
      };
  readonly fee: Omit<FeeBreakdown, 'surcharge'> & {
    readonly surcharge: { readonly amount: number; readonly reason: TextView } | null;
  };
  readonly payment: {
    readonly at: number;
    readonly amount: number;
    readonly reference: TextView | null;
  } | null;
  readonly outcome:
    | (Omit<RequestOutcome, 'refusal'> & {
        readonly refusal: { readonly reason: RefusalReasonCode; readonly message: TextView } | null;
      })
    | null;
  readonly cancelled: { readonly at: number; readonly reason: TextView } | null;
  /** What the customer wrote when filing, if anything. */
  readonly details: TextView | null;
};

/**
 * The request as shown: each free text from `views` (what `readRequestTexts` opened for the
 * reader), else sealed — or erased when it was never kept. Lists pass no views.
 */
export function requestView(r: CustomerRequest, views: RequestTextViews = {}): RequestView {
  const show = (field: RequestTextField, stored: StoredText): TextView =>
    views[field] ??
    (typeof stored !== 'string' && 'erased' in stored ? { state: 'erased' } : { state: 'sealed' });
  const { detailsSealed, ...rest } = r;
  return {
    ...rest,
    requester:
      r.requester.type === 'agent'
        ? { ...r.requester, evidence: show('evidence', r.requester.evidence) }
        : r.requester,
    fee: {
      ...r.fee,
      surcharge:
        r.fee.surcharge === null
          ? null
          : { amount: r.fee.surcharge.amount, reason: show('surcharge', r.fee.surcharge.reason) },
    },
    payment:
      r.payment === null
        ? null
        : {
            ...r.payment,
            reference: r.payment.reference === null ? null : show('payment', r.payment.reference),
          },
    outcome:
      r.outcome === null
        ? null
        : {
            ...r.outcome,
            refusal:
              r.outcome.refusal === null
                ? null
                : {
                    reason: r.outcome.refusal.reason,
                    message: show('refusal', r.outcome.refusal.message),
                  },
          },
    cancelled:
      r.cancelled === null
        ? null
        : { at: r.cancelled.at, reason: show('cancelled', r.cancelled.reason) },
    details: detailsSealed === undefined ? null : show('details', { sealed: detailsSealed }),
  };
}
