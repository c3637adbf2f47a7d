import type { RegistryDeps } from './registry-deps.ts';
import { authorize, type Principal } from '../security/index.ts';
import { requireWholeRegistry } from './group-scope.ts';
import { affectedSelection, type AffectedQuery } from './affected-selection.ts';

export type { AffectedQuery } from './affected-selection.ts';

/**
 * How many registered (not erased) customers a query selects (APPI Art. 26; PPC Rules Art. 8(1)
 * item 3, the number of persons): counted in the database, no id or value leaves the registry.
 * Audited as 'customer.count' with the query. Needs 'registry.read' and a scope of every
 * customer group (`requireWholeRegistry`).
 */
export async function countAffectedCustomers(
  ctx: RegistryDeps,
  principal: Principal,
  query: AffectedQuery,
): Promise<number> {
  authorize(principal, 'registry.read');
  requireWholeRegistry(principal, "selecting an incident's persons");
  return ctx.store.db.transaction().execute(async (tx) => {
    const q = affectedSelection(tx, query, ctx.policy.offset)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('deleted_at', 'is', null);
    const n = Number((await q.executeTakeFirstOrThrow()).n);
    await ctx.audit.append(tx, [
      { actor: principal.id, action: 'customer.count', detail: { query: { ...query }, count: n } },
    ]);
    return n;
  });
}
