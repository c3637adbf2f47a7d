import type { ProvisionTables } from './provision-tables.ts';

/** One row of the ledger as the customer (REQUEST.PROVISION_RECORDS) and staff see it. */
export interface ProvisionRecordView {
  readonly id: string;
  readonly provisionId: string;
  readonly providedAt: string;
  /** APPI Art. 29, Rule 20: who received it. */
  readonly recipient: {
    readonly id: string;
    readonly kind: string;
    readonly legalName: string;
    readonly address: string | null;
    readonly representative: string | null;
    readonly country: string;
  };
  readonly itemCategories: readonly string[];
  readonly itemIds: readonly string[];
  readonly clause: string;
  readonly ground: string;
  /** The §3 purpose; null for a provision required by law (APPI Art. 18(3)(i)). */
  readonly purpose: string | null;
  readonly legalBasis: string | null;
  readonly documentReference: string | null;
  /** PROVIDE.AUTHORITY: the policy's legal ground, and who approved the provision. */
  readonly legalGround: string | null;
  readonly approvedBy: string | null;
  /** True when APPI Art. 29 requires the record (else §5 of the policy alone). */
  readonly statutory: boolean;
  readonly retentionEnd: string;
}

type Row = ProvisionTables['provision_records'] & {
  kind: string;
  legal_name: string;
  address: string | null;
  representative: string | null;
  country: string;
};

const iso = (ms: number) => new Date(ms).toISOString();

/** The view of a ledger row joined with its recipient. */
export function provisionRecordView(row: Row): ProvisionRecordView {
  return {
    id: row.id,
    provisionId: row.provision_id,
    providedAt: iso(row.provided_at),
    recipient: {
      id: row.recipient_id,
      kind: row.kind,
      legalName: row.legal_name,
      address: row.address,
      representative: row.representative,
      country: row.country,
    },
    itemCategories: JSON.parse(row.item_categories) as string[],
    itemIds: JSON.parse(row.item_ids) as string[],
    clause: row.clause,
    ground: row.ground,
    purpose: row.purpose === '' ? null : row.purpose,
    legalBasis: row.legal_basis,
    documentReference: row.document_reference,
    legalGround: row.legal_ground,
    approvedBy: row.approved_by,
    statutory: row.statutory === 1,
    retentionEnd: iso(row.retention_end),
  };
}
