import type { Kysely } from 'kysely';
import { provisionDb } from './provision-tables.ts';

/**
 * The provision ledger joined with each record's recipient (name, address, representative,
 * country): what `provisionRecordView` reads. Callers add their filters and order.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function ledgerQuery(tx: Kysely<any>) {
  return provisionDb(tx)
    .selectFrom('provision_records')
    .innerJoin('provision_recipients', 'provision_recipients.id', 'provision_records.recipient_id')
    .selectAll('provision_records')
    .select([
      'provision_recipients.kind',
      'provision_recipients.legal_name',
      'provision_recipients.address',
      'provision_recipients.representative',
      'provision_recipients.country',
    ]);
}
