import type { CompiledPolicy } from '../policy/index.ts';
import type { CustomerRequest } from './customer-request.ts';
import type { FeeBreakdown } from './fee-for.ts';
import { REFUSAL_REASONS } from './refusal-reason.ts';
import type { RequestHistoryEntry } from './request-detail.ts';
import { SHORT_KINDS } from './request-kind.ts';
import type { RequestTextViews, TextView } from './text-view.ts';

/** A fee as its customer is shown it: a surcharge's reason where it was opened, else null. */
export type PublicFee = Omit<FeeBreakdown, 'surcharge'> & {
  readonly surcharge: { readonly amount: number; readonly reason: string | null } | null;
};

/** A request as its customer sees it in a list: no staff names, no internal notes. */
export interface PublicRequestSummary {
  readonly id: string;
  /** The clause ID (REQUEST.DISCLOSURE) */
  readonly kind: string;
  /** The short name (disclosure), as filed. */
  readonly shortKind: string | null;
  readonly kindName: { readonly en: string; readonly ja?: string };
  readonly state: string;
  readonly receivedAt: number;
  readonly dueAt: number;
  readonly dueDate: string;
  readonly fee: PublicFee;
  readonly lang: 'en' | 'ja';
}

/** One request of the customer's, with its outcome and the history of its states. */
export interface PublicRequestDetail extends PublicRequestSummary {
  readonly channel: string;
  readonly requester: { readonly type: string };
  readonly deliveryMethod: 'electronic' | 'paper' | null;
  readonly lineIds: readonly string[];
  readonly outcome: {
    readonly result: string;
    readonly at: number;
    readonly refusal: {
      readonly reason: string;
      readonly article: string;
      readonly ground: { readonly en: string; readonly ja?: string };
      /** Staff's sentence to the customer; null once erased with the customer's key. */
      readonly message: string | null;
    } | null;
  } | null;
  readonly notifiedAt: number | null;
  readonly cancelledAt: number | null;
  /** True when its kind delivers a package (the policy file's `deliversPackage`, APPI Art. 33(1)). */
  readonly deliversPackage: boolean;
  /** True when a package can be downloaded (GET …/package). */
  readonly packageAvailable: boolean;
  readonly history: readonly {
    readonly type: string;
    readonly from: string | null;
    readonly to: string;
    readonly at: string;
  }[];
}

const SHORT_OF = new Map(Object.entries(SHORT_KINDS).map(([s, id]) => [id, s]));

const shown = (view: TextView | undefined): string | null =>
  view?.state === 'shown' ? view.text : null;

/**
 * The customer's view of a request in a list; free texts only from `texts` (what
 * `readRequestTexts` opened for them), else null.
 */
export function publicSummary(
  policy: CompiledPolicy,
  r: CustomerRequest,
  texts: RequestTextViews = {},
): PublicRequestSummary {
  const kind = policy.document.requestKinds.find((k) => k.id === r.kind);
  return {
    id: r.id,
    kind: r.kind,
    shortKind: SHORT_OF.get(r.kind) ?? null,
    kindName: kind?.name ?? { en: r.kind },
    state: r.state,
    receivedAt: r.receivedAt,
    dueAt: r.dueAt,
    dueDate: r.dueDate,
    fee: {
      ...r.fee,
      surcharge:
        r.fee.surcharge === null
          ? null
          : { amount: r.fee.surcharge.amount, reason: shown(texts.surcharge) },
    },
    lang: r.lang ?? 'ja',
  };
}

/**
 * The customer's view of one request: outcome and reasons, states and when (never who); the
 * refusal's sentence and a surcharge's reason from `texts` (opened for the customer).
 */
export function publicDetail(
  policy: CompiledPolicy,
  r: CustomerRequest,
  events: readonly RequestHistoryEntry[],
  packageAvailable: boolean,
  texts: RequestTextViews = {},
): PublicRequestDetail {
  const refusal = r.outcome?.refusal ?? null;
  return {
    ...publicSummary(policy, r, texts),
    channel: r.channel,
    requester: { type: r.requester.type },
    deliveryMethod: r.deliveryMethod,
    lineIds: r.lineIds,
    outcome:
      r.outcome === null
        ? null
        : {
            result: r.outcome.result,
            at: r.outcome.at,
            refusal:
              refusal === null
                ? null
                : {
                    reason: refusal.reason,
                    article: REFUSAL_REASONS[refusal.reason].article,
                    ground: REFUSAL_REASONS[refusal.reason].text,
                    message: shown(texts.refusal),
                  },
          },
    notifiedAt: r.notifiedAt,
    cancelledAt: r.cancelled?.at ?? null,
    deliversPackage:
      policy.document.requestKinds.find((k) => k.id === r.kind)?.deliversPackage === true,
    packageAvailable,
    history: events.map((e) => ({ type: e.type, from: e.from, to: e.to, at: e.at })),
  };
}
