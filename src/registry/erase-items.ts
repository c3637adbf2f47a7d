import type { RegistryDeps } from './registry-deps.ts';
import { HogoError } from '../errors/index.ts';
import { type Principal, authorize } from '../security/index.ts';
import { registryDb } from './registry-tables.ts';
import { requireCustomer } from './require-customer.ts';

/**
 * Erases some of a customer's items (REQUEST.DELETION in part, RETAIN): every version of each
 * (the rows sharing its `origin_id`: a superseded version holds an older value) and its call
 * recording row are deleted, so no ciphertext of them is left to open even while the customer's
 * data key lives on for the items kept. Each id must be a current item of the customer.
 * Audited as 'item.erase' with the clauses that decided it. Needs 'registry.write'.
 */
export async function eraseItems(
  ctx: RegistryDeps,
  principal: Principal,
  input: {
    readonly customerId: string;
    readonly itemIds: readonly string[];
    readonly clauses: readonly string[];
    readonly requestId?: string;
  },
): Promise<{ readonly erased: readonly string[] }> {
  authorize(principal, 'registry.write');
  if (input.itemIds.length === 0) return { erased: [] };
  return ctx.store.db.transaction().execute(async (tx) => {
    await requireCustomer(tx, input.customerId, principal);
    const db = registryDb(tx);
    const current = await db
      .selectFrom('items')
      .select(['id', 'origin_id'])
      .where('customer_id', '=', input.customerId)
      .where('id', 'in', input.itemIds)
      .where('superseded_at', 'is', null)
      .execute();
    if (current.length !== new Set(input.itemIds).size)
      throw new HogoError('registry.not_found', 'not a current item of this customer', {
        field: 'itemIds',
      });
    const origins = [...new Set(current.map((r) => r.origin_id))];
    const versions = (
      await db
        .selectFrom('items')
        .select('id')
        .where('customer_id', '=', input.customerId)
        .where('origin_id', 'in', origins)
        .execute()
    ).map((r) => r.id);
    const chunk = Math.max(1, ctx.store.capabilities.maxParameters - 10);
    for (let i = 0; i < versions.length; i += chunk) {
      const part = versions.slice(i, i + chunk);
      await db.deleteFrom('call_recordings').where('item_id', 'in', part).execute();
      // A newer version names the older in superseded_by only; deleting all at once is whole.
      await db.deleteFrom('items').where('id', 'in', part).execute();
    }
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'item.erase',
        customerId: input.customerId,
        itemIds: versions,
        clauses: input.clauses,
        ...(input.requestId !== undefined ? { detail: { requestId: input.requestId } } : {}),
      },
    ]);
    return { erased: current.map((r) => r.id) };
  });
}
