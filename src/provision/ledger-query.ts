import type { Kysely } from 'kysely';
import { provisionDb } from './provision-tables.ts';

/**
 * The provision ledger with each record's recipient (name, address, representative, country as
 * recorded at the provision, else as now) and kind: what `provisionRecordView` reads. Callers add their filters and order.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function ledgerQuery(tx: Kysely<any>) {
  return provisionDb(tx)
    .selectFrom('provision_records')
    .innerJoin('provision_recipients', 'provision_recipients.id', 'provision_records.recipient_id')
    .selectAll('provision_records')
    .select((eb) => [
      'provision_recipients.kind',
      // Rule 20: the recipient as it stood at the provision; rows from before that was kept
      // show its current details.
      eb.fn
        .coalesce('provision_records.recipient_name', 'provision_recipients.legal_name')
        .as('legal_name'),
      eb.fn
        .coalesce('provision_records.recipient_address', 'provision_recipients.address')
        .as('address'),
      eb.fn
        .coalesce(
          'provision_records.recipient_representative',
          'provision_recipients.representative',
        )
        .as('representative'),
      eb.fn
        .coalesce('provision_records.recipient_country', 'provision_recipients.country')
        .as('country'),
    ]);
}
