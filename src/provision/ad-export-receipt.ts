import type { ExclusionReason } from './exclusion-reason.ts';

/** What an ad export did, in counts and ids only: never a personal value. */
export interface AdExportReceipt {
  readonly exportId: string;
  /** SECURITY.5: the approval the export used (absent on receipts written before approvals). */
  readonly approvalId?: string;
  readonly platform: string;
  /** The purpose per customer group (REG, OTH). */
  readonly purposes: Readonly<Record<string, string>>;
  readonly at: string;
  readonly createdAt: string;
  /** ADS.DELETE_AFTER_MATCH: the files are deleted from then on. */
  readonly expiresAt: string;
  readonly files: readonly {
    readonly name: string;
    readonly rows: number;
    readonly sha256: string;
  }[];
  readonly customers: {
    readonly considered: number;
    readonly included: number;
    readonly excluded: Readonly<Record<ExclusionReason, number>>;
  };
  readonly items: {
    readonly exported: number;
    /** Items denied by the policy, by reason. */
    readonly denied: Readonly<Record<string, number>>;
    /** Values of permitted items that did not normalize, by reason. */
    readonly notNormalized: Readonly<Record<string, number>>;
  };
  /** One per customer included (§8: an export is a provision, recorded per customer). */
  readonly ledgerRows: number;
  readonly deletedAt: string | null;
  /**
   * Each rewrite of the held files without withdrawn customers (REQUEST.DELETION,
   * REQUEST.SUSPEND_PROVISION, ADS.OPT_OUT): when, why, and the rows taken out in all so far.
   */
  readonly rewrites?: readonly {
    readonly at: string;
    readonly clauses: readonly string[];
    readonly rowsRemoved: number;
  }[];
  /** The removal list this export carried to the platform (customers it had received before). */
  readonly removals?: {
    readonly customers: number;
    /** 'file': written beside the upload; 'none': the platform has no removal format. */
    readonly format: 'file' | 'none';
    readonly files: readonly {
      readonly name: string;
      readonly rows: number;
      readonly sha256: string;
    }[];
  };
}
