import type { Kysely } from 'kysely';
import type { BulkColumn, Store } from '../store/index.ts';
import { newId } from '../registry/index.ts';
import type { LedgerEntry } from './ledger-row.ts';
import { provisionDb, type ProvisionTables } from './provision-tables.ts';
import { recordRequiredByLaw } from './record-required-by-law.ts';
import type { RecipientKind } from './recipient-kind.ts';
import { retentionEnd } from './retention-end.ts';

/** Rows per INSERT: 21 columns each, well under either engine's parameter limit. */
const ROWS_PER_INSERT = 500;

// The columns of provision_records, in the order `rowValues` gives them.
const COLUMNS: readonly BulkColumn[] = [
  { name: 'id', type: 'text' },
  { name: 'provision_id', type: 'text' },
  { name: 'customer_id', type: 'text' },
  { name: 'recipient_id', type: 'text' },
  { name: 'provided_at', type: 'bigint' },
  { name: 'item_categories', type: 'text' },
  { name: 'item_ids', type: 'text' },
  { name: 'clause', type: 'text' },
  { name: 'ground', type: 'text' },
  { name: 'purpose', type: 'text' },
  { name: 'legal_basis', type: 'text' },
  { name: 'document_reference', type: 'text' },
  { name: 'statutory', type: 'integer' },
  { name: 'retention_end', type: 'bigint' },
  { name: 'created_by', type: 'text' },
  { name: 'recipient_name', type: 'text' },
  { name: 'recipient_address', type: 'text' },
  { name: 'recipient_representative', type: 'text' },
  { name: 'recipient_country', type: 'text' },
  { name: 'legal_ground', type: 'text' },
  { name: 'approved_by', type: 'text' },
];

const rowValues = (r: ProvisionTables['provision_records']): unknown[] => [
  r.id,
  r.provision_id,
  r.customer_id,
  r.recipient_id,
  r.provided_at,
  r.item_categories,
  r.item_ids,
  r.clause,
  r.ground,
  r.purpose,
  r.legal_basis,
  r.document_reference,
  r.statutory,
  r.retention_end,
  r.created_by,
  r.recipient_name,
  r.recipient_address,
  r.recipient_representative,
  r.recipient_country,
  r.legal_ground,
  r.approved_by,
];

/**
 * Writes one ledger row per customer inside the caller's transaction (§5: every provision is
 * recorded), with its retention end (Rule 21). When a contract serves as the record, the
 * earlier rows for the same recipient and customer are kept until a year after this one.
 * Given the `store`, rows go through its bulk insert (bulk jobs: an ad export).
 */
export async function writeLedger(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  recipient: ProvisionTables['provision_recipients'],
  entries: readonly LedgerEntry[],
  createdBy: string,
  now: number,
  store?: Store,
): Promise<void> {
  if (entries.length === 0) return;
  const db = provisionDb(tx);
  const byContract = recipient.record_by_contract === 1;
  const statutory = recordRequiredByLaw(recipient.kind as RecipientKind, recipient.country) ? 1 : 0;
  const rows = entries.map((e): ProvisionTables['provision_records'] => ({
    id: newId(now),
    provision_id: e.provisionId,
    customer_id: e.customerId,
    recipient_id: recipient.id,
    provided_at: e.providedAt,
    item_categories: JSON.stringify(e.itemCategories),
    item_ids: JSON.stringify(e.itemIds),
    clause: e.clause,
    ground: e.ground,
    purpose: e.purpose,
    legal_basis: e.legalBasis,
    document_reference: e.documentReference,
    statutory,
    retention_end: retentionEnd(byContract ? e.providedAt : now, byContract),
    created_by: createdBy,
    recipient_name: recipient.legal_name,
    recipient_address: recipient.address,
    recipient_representative: recipient.representative,
    recipient_country: recipient.country,
    legal_ground: e.legalGround ?? null,
    approved_by: e.approvedBy ?? null,
  }));
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    if (byContract) {
      // Rule 21(1)(i): the contract record runs until a year after the last provision.
      await db
        .updateTable('provision_records')
        .set({ retention_end: chunk[0]!.retention_end })
        .where('recipient_id', '=', recipient.id)
        .where(
          'customer_id',
          'in',
          chunk.map((r) => r.customer_id),
        )
        .where('retention_end', '<', chunk[0]!.retention_end)
        .execute();
    }
    if (store !== undefined) {
      await store.bulkInsert(tx, 'provision_records', COLUMNS, chunk.map(rowValues));
    } else {
      await db.insertInto('provision_records').values(chunk).execute();
    }
  }
}
