import type { AppContext } from '../app/app-context.ts';
import type { Principal } from '../security/principal.ts';
import { authorize } from '../security/authorize.ts';
import { registryDb } from './registry-tables.ts';
import { requireCustomer } from './require-customer.ts';

/**
 * Erases a customer (REQUEST.DELETION): a tombstone makes them invisible everywhere, and their
 * data key is shredded so that no copy of any value (backups included) can be decrypted again.
 * Audited as 'customer.delete'. Needs 'registry.write'; the requests slice decides when.
 */
export async function deleteCustomer(
  ctx: AppContext,
  principal: Principal,
  input: { readonly customerId: string; readonly requestId?: string },
): Promise<void> {
  authorize(principal, 'registry.write');
  await ctx.store.db.transaction().execute(async (tx) => {
    const customer = await requireCustomer(tx, input.customerId);
    await registryDb(tx)
      .updateTable('customers')
      .set({ deleted_at: ctx.clock() })
      .where('id', '=', customer.id)
      .execute();
    await ctx.keys.shred(tx, customer.id);
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'customer.delete',
        customerId: customer.id,
        clauses: ['REQUEST.DELETION'],
        ...(input.requestId !== undefined ? { detail: { requestId: input.requestId } } : {}),
      },
    ]);
  });
}
