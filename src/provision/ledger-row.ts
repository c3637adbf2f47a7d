/** One provision to one customer, as the ledger records it (APPI Art. 29; Rule 20). */
export interface LedgerEntry {
  readonly provisionId: string;
  readonly customerId: string;
  readonly recipientId: string;
  readonly providedAt: number;
  readonly itemCategories: readonly string[];
  readonly itemIds: readonly string[];
  readonly clause: string;
  readonly ground: string;
  /** The §3 purpose; '' for a provision required by law, which rests on no purpose. */
  readonly purpose: string;
  readonly legalBasis: string | null;
  readonly documentReference: string | null;
  /** PROVIDE.AUTHORITY: the policy's legal ground and the approver (four eyes). */
  readonly legalGround?: string;
  readonly approvedBy?: string;
}
