import type { ProvisionTables } from './provision-tables.ts';

/** A provision required by law as asked for, approved or rejected (PROVIDE.AUTHORITY). */
export interface LegalProvisionView {
  readonly id: string;
  readonly state: 'awaitingApproval' | 'approved' | 'rejected';
  readonly recipientId: string;
  readonly customerIds: readonly string[];
  readonly itemCategories: readonly string[] | null;
  readonly itemIds: readonly string[] | null;
  readonly legalGround: string;
  readonly legalBasis: string;
  readonly documentReference: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly decidedBy: string | null;
  readonly provisionId: string | null;
}

const list = (json: string | null) => (json === null ? null : (JSON.parse(json) as string[]));

/** The view of a row of legal_provision_requests. */
export function legalProvisionView(
  row: ProvisionTables['legal_provision_requests'],
): LegalProvisionView {
  return {
    id: row.id,
    state: row.state as LegalProvisionView['state'],
    recipientId: row.recipient_id,
    customerIds: list(row.customer_ids) ?? [],
    itemCategories: list(row.item_categories),
    itemIds: list(row.item_ids),
    legalGround: row.legal_ground,
    legalBasis: row.legal_basis,
    documentReference: row.document_reference,
    requestedBy: row.requested_by,
    requestedAt: new Date(row.requested_at).toISOString(),
    decidedBy: row.decided_by,
    provisionId: row.provision_id,
  };
}
