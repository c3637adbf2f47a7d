import type { RegistryDeps } from './registry-deps.ts';
import { authorize, type Principal } from '../security/index.ts';
import { requireWholeRegistry } from './group-scope.ts';
import { affectedSelection, type AffectedQuery } from './affected-selection.ts';

/** The customers a query selects: the registered ones by id, and how many are erased. */
export interface AffectedCustomers {
  /** Registered customers, in id order. */
  readonly ids: readonly string[];
  /** Customers the query selects who were erased (REQUEST.DELETION): nothing left to reach. */
  readonly erased: number;
}

/**
 * The ids of the customers an incident's query selects, for telling them (APPI Art. 26(2)):
 * ids only, no value; erased customers are counted, not listed. Audited as 'customer.select'
 * with the query and the counts. Needs 'registry.read'.
 */
export async function affectedCustomerIds(
  ctx: RegistryDeps,
  principal: Principal,
  query: AffectedQuery,
): Promise<AffectedCustomers> {
  authorize(principal, 'registry.read');
  requireWholeRegistry(principal, "selecting an incident's persons");
  return ctx.store.db.transaction().execute(async (tx) => {
    const rows = await affectedSelection(tx, query, ctx.policy.offset)
      .select(['id', 'deleted_at'])
      .orderBy('id')
      .execute();
    const ids = rows.filter((r) => r.deleted_at === null).map((r) => r.id);
    const erased = rows.length - ids.length;
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'customer.select',
        detail: { query: { ...query }, count: ids.length, erased },
      },
    ]);
    return { ids, erased };
  });
}
