import type { ProvisionDeps } from './provision-deps.ts';
import { authorize, visibleCustomerIds } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import { provisionRecordView, type ProvisionRecordView } from './provision-record-view.ts';
import { ledgerQuery } from './ledger-query.ts';

/**
 * REQUEST.PROVISION_RECORDS (APPI Art. 33(5)): every provision record of the customer still
 * kept, newest first, with the recipient's name, address, representative and country. The
 * read is audited. Needs 'provision.read'.
 */
export async function provisionRecordsFor(
  ctx: ProvisionDeps,
  principal: Principal,
  customerId: string,
): Promise<ProvisionRecordView[]> {
  authorize(principal, 'provision.read');
  return ctx.store.db.transaction().execute(async (tx) => {
    // SECURITY.6: a customer outside the principal's groups has no records to show, as an
    // unknown one has none.
    if (!(await visibleCustomerIds(tx, principal, [customerId])).has(customerId)) return [];
    const rows = await ledgerQuery(tx)
      .where('provision_records.customer_id', '=', customerId)
      .orderBy('provision_records.provided_at', 'desc')
      .orderBy('provision_records.id', 'desc')
      .execute();
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'provision.records.read',
        customerId,
        detail: { count: rows.length },
      },
    ]);
    return rows.map(provisionRecordView);
  });
}
