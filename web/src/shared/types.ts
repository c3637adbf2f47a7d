import type { NoticeView as ServerNoticeView } from '../../../src/notices/index.ts';
import type {
  DiligenceView,
  RecipientView,
  ProvisionRecordView,
  AdExportReceipt,
} from '../../../src/provision/index.ts';
import type { ItemView } from '../../../src/registry/index.ts';
import type { TextView } from '../../../src/requests/index.ts';
import type { HoldView, KeptGround } from '../../../src/retention/index.ts';

export type { HoldView, KeptGround, TextView };

/** GET /v1/customers/:id/retention: what a deletion would erase and keep now (RETAIN). */
export interface RetentionView {
  readonly erasable: readonly string[];
  readonly kept: readonly KeptGround[];
  readonly held: boolean;
}

/**
 * The shapes of the hogo API the pages read: the server's own declarations where it has them
 * (imported as types: nothing of the server is bundled), else the fields the pages use.
 */

export type Lang = 'en' | 'ja';
export type Localized = { readonly en: string; readonly ja?: string };

/** Text in the reader's language, English when the file has none. */
export const inLang = (text: Localized | undefined, lang: Lang): string =>
  text === undefined ? '' : lang === 'ja' ? (text.ja ?? text.en) : text.en;

export interface RequestKindView {
  readonly id: string;
  readonly name: Localized;
  readonly dueDays: number;
  readonly fee: {
    readonly amount: number;
    readonly taxRate: number;
    readonly total: number;
    readonly per: 'subscriberLine' | 'request';
    readonly currency: string;
  } | null;
  /** It delivers a package the customer chooses how to receive (APPI Art. 33(1), (5)). */
  readonly deliversPackage: boolean;
  /** Fulfilling it works on the customer's items. */
  readonly needsCustomer: boolean;
  /** Fulfilling it chooses from the policy's categories or purposes. */
  readonly needsPolicy: boolean;
  /** A fee is charged for it (REQUEST.FEE). */
  readonly charged: boolean;
}

export interface PolicyView {
  readonly policy: string;
  readonly company: Localized;
  readonly title: Localized;
  readonly version: { readonly id?: string; readonly effective?: string } | null;
  readonly requestKinds: readonly RequestKindView[];
}

export interface FeeBreakdown {
  readonly per: 'subscriberLine' | 'request' | null;
  readonly lines: number;
  readonly base: number;
  readonly surcharge: { readonly amount: number } | null;
  readonly tax: number;
  readonly total: number;
}

export interface PublicRequest {
  readonly id: string;
  readonly kind: string;
  readonly shortKind: string | null;
  readonly kindName: Localized;
  readonly state: string;
  readonly receivedAt: number;
  readonly dueAt: number;
  readonly dueDate: string;
  readonly fee: FeeBreakdown;
  readonly lang: Lang;
}

export interface PublicRequestDetail extends PublicRequest {
  readonly requester: { readonly type: string };
  readonly deliveryMethod: 'electronic' | 'paper' | null;
  readonly outcome: {
    readonly result: string;
    readonly at: number;
    readonly refusal: {
      readonly reason: string;
      readonly article: string;
      readonly ground: Localized;
      /** Staff's sentence to the customer; null once erased. */
      readonly message: string | null;
    } | null;
  } | null;
  readonly notifiedAt: number | null;
  readonly cancelledAt: number | null;
  /** Its kind delivers a package (the policy file says so; APPI Art. 33(1)). */
  readonly deliversPackage: boolean;
  readonly packageAvailable: boolean;
  readonly history: readonly {
    readonly type: string;
    readonly from: string | null;
    readonly to: string;
    readonly at: string;
  }[];
}

export type DueStatus = 'onTime' | 'dueSoon' | 'overdue';

export interface StaffRequest {
  readonly id: string;
  readonly kind: string;
  readonly customerId: string;
  readonly requester: {
    readonly type: string;
    readonly authority?: string;
    readonly evidence?: TextView;
  };
  readonly channel: string;
  readonly lineIds: readonly string[];
  readonly deliveryMethod: string | null;
  readonly state: string;
  readonly charged: boolean;
  readonly fee: FeeBreakdown;
  readonly receivedAt: number;
  readonly dueDate: string;
  readonly dueAt: number;
  readonly identity: { readonly method: string; readonly by: string; readonly at: number } | null;
  readonly payment: { readonly at: number; readonly amount: number } | null;
  readonly outcome: {
    readonly result: string;
    readonly at: number;
    readonly refusal: { readonly reason: string; readonly message: TextView } | null;
  } | null;
  readonly notifiedAt: number | null;
  readonly cancelled: { readonly at: number; readonly reason: TextView } | null;
  readonly lang?: Lang;
  /** What the customer wrote when filing, if anything. */
  readonly details: TextView | null;
  readonly dueStatus?: DueStatus;
}

/** A step of a request, `POST /v1/requests/:id/<step>`. */
export type RequestStep =
  'verify' | 'payment' | 'start' | 'fulfil' | 'refuse' | 'notify' | 'cancel';

export interface StaffRequestDetail {
  readonly request: StaffRequest;
  readonly dueStatus: DueStatus;
  /** The steps this user may take now: the API's transition table, not a copy. */
  readonly steps: readonly RequestStep[];
  /** The law's grounds it may be refused on now, wholly or in part: the API's rules, no copy. */
  readonly refusals: { readonly refuse: readonly string[]; readonly partly: readonly string[] };
  readonly events: readonly {
    readonly seq: number;
    readonly type: string;
    readonly from: string | null;
    readonly to: string;
    readonly actor: string;
    readonly at: string;
    readonly detail: Readonly<Record<string, unknown>> | null;
  }[];
  /** Whether its package (a fulfilled disclosure's) is kept for download. */
  readonly packageAvailable: boolean;
}

export interface Me {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly permissions: readonly string[];
}

/** An item as the API shows it (the registry's own view): its value only within scope. */
export type { ItemView };

/** A customer as a list names them: no personal value. */
export interface CustomerSummary {
  readonly id: string;
  readonly externalId: string | null;
  readonly group: string;
  readonly createdAt: string;
}

export interface CustomerView {
  readonly id: string;
  readonly externalId: string | null;
  readonly group: string;
  readonly createdAt: string;
  readonly items: readonly ItemView[];
  readonly services: readonly {
    readonly id: string;
    readonly name: string;
    readonly startedAt: string;
    readonly endedAt: string | null;
  }[];
  readonly consents: readonly {
    readonly id: string;
    readonly purpose: string;
    readonly at: string;
  }[];
  readonly adOptOuts: readonly { readonly id: string; readonly at: string }[];
  readonly suspensions: readonly {
    readonly id: string;
    readonly kind: string;
    readonly from: string;
  }[];
}

/** A notice of the outbox (the server's view), with its body when one was read. */
export type NoticeView = ServerNoticeView & { readonly body?: string };

export interface AuditEntry {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly customerId: string | null;
  readonly decision: 'permit' | 'deny' | null;
  readonly clauses: readonly string[];
  readonly detail: Readonly<Record<string, unknown>>;
}

export type {
  DiligenceStanding,
  DiligenceView,
  RecipientView,
} from '../../../src/provision/index.ts';
export type { ProvisionRecordView } from '../../../src/provision/index.ts';
export type { AdExportReceipt } from '../../../src/provision/index.ts';

/** A recipient with every verification recorded, oldest first. */
export interface RecipientDetail extends RecipientView {
  readonly diligenceHistory: readonly DiligenceView[];
}

/** A page of the provision ledger, newest first. */
export interface ProvisionRecordPage {
  readonly records: readonly ProvisionRecordView[];
  readonly nextCursor: string | null;
}

/** A page of ad exports' receipts, newest first. */
export interface AdExportPage {
  readonly exports: readonly AdExportReceipt[];
  readonly nextCursor: string | null;
}

export type { PrintBatchView } from '../../../src/notices/index.ts';
