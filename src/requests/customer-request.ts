import type { FeeBreakdown } from './fee-for.ts';
import type { RefusalReasonCode } from './refusal-reason.ts';
import type { RequestState } from './request-state.ts';
import type { StoredText } from './stored-text.ts';

/**
 * Who files (APPI Art. 37): the customer, or an agent — a legal representative of a minor or
 * adult ward, or an agent the customer appointed — with the document that proves the authority.
 */
export type Requester =
  | { readonly type: 'customer' }
  | {
      readonly type: 'agent';
      readonly authority: 'legalRepresentative' | 'appointedAgent';
      /** Which document was checked (e.g. 'power of attorney with seal certificate'); sealed (`evidence`). */
      readonly evidence: StoredText;
    };

/** How the requester's identity was confirmed, by whom and when. */
export interface IdentityCheck {
  readonly method: string;
  readonly by: string;
  readonly at: number;
}

/** What the request came to: fulfilled, partly fulfilled or refused, with why. */
export interface RequestOutcome {
  readonly result: 'fulfilled' | 'partlyFulfilled' | 'refused';
  readonly at: number;
  readonly by: string;
  /** Present for a partial fulfilment and a refusal (APPI Art. 36); the sentence sealed (`refusal`). */
  readonly refusal: { readonly reason: RefusalReasonCode; readonly message: StoredText } | null;
  /** What was done (ids of records written, a digest of a package); no personal values. */
  readonly summary: Readonly<Record<string, unknown>> | null;
}

/** A request's fee as stored: the breakdown, with a surcharge's reason sealed. */
export type RequestFee = Omit<FeeBreakdown, 'surcharge'> & {
  readonly surcharge: { readonly amount: number; readonly reason: StoredText } | null;
};

/**
 * A customer's request (§9 REQUEST): what was asked, by whom, and where it stands. Its free
 * texts are sealed under the customer's data key (`StoredText`): `requestView` shows them.
 */
export interface CustomerRequest {
  readonly id: string;
  /** The request kind's clause ID from the policy file (REQUEST.DISCLOSURE, …). */
  readonly kind: string;
  readonly customerId: string;
  readonly requester: Requester;
  readonly channel: 'helpdesk' | 'web' | 'post' | 'counter';
  /** The subscriber lines the request names (REQUEST.FEE is charged per line). */
  readonly lineIds: readonly string[];
  /** APPI Art. 33(1): how a disclosure is delivered, as the person chooses. */
  readonly deliveryMethod: 'electronic' | 'paper' | null;
  readonly state: RequestState;
  /** True when the kind carries a fee: feeDue and feePaid cannot be skipped. */
  readonly charged: boolean;
  /** The fee; a surcharge's reason sealed (`surcharge`). */
  readonly fee: RequestFee;
  readonly receivedAt: number;
  /** REQUEST.TIMELY: YYYY-MM-DD in the policy's zone, and the instant that day ends. */
  readonly dueDate: string;
  readonly dueAt: number;
  readonly identity: IdentityCheck | null;
  readonly payment: {
    readonly at: number;
    readonly amount: number;
    /** Sealed (`payment`). */
    readonly reference: StoredText | null;
  } | null;
  readonly startedAt: number | null;
  readonly outcome: RequestOutcome | null;
  readonly notifiedAt: number | null;
  /** Why it was cancelled, sealed (`cancelled`). */
  readonly cancelled: { readonly at: number; readonly reason: StoredText } | null;
  /** When it was notified or cancelled; null while open. */
  readonly closedAt: number | null;
  /** The language of letters and packages (absent on requests filed before it was asked: ja). */
  readonly lang?: 'en' | 'ja';
  /** What the customer wrote, sealed under their data key (context `request:<id>:details`), base64. */
  readonly detailsSealed?: string;
}
