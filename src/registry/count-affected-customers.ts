import { sql } from 'kysely';
import type { RegistryDeps } from './registry-deps.ts';
import { parseInstant } from '../policy/index.ts';
import { authorize, type Principal } from '../security/index.ts';
import { invalidField } from './normalize/invalid-field.ts';
import { registryDb } from './registry-tables.ts';

/** Whose data an incident concerns: customers, categories of items, when they were acquired. */
export interface AffectedQuery {
  /** Only these customers; absent, every customer. */
  readonly customerIds?: readonly string[];
  /** Only customers holding a current item of one of these categories; absent, any. */
  readonly categories?: readonly string[];
  /** Items acquired at or after / before this (YYYY-MM-DD in the policy's zone, or ISO 8601). */
  readonly acquiredFrom?: string;
  readonly acquiredBefore?: string;
}

/** A condition no row meets: an empty list selects nobody (`IN ()` is no SQL). */
const NOBODY = sql<boolean>`1 = 0`;

/** Reads a bound of the query as an instant, or refuses naming the field. */
function instantOf(text: string, field: string, offset: string): number {
  try {
    return parseInstant(text, offset);
  } catch {
    throw invalidField(field, 'must be YYYY-MM-DD or an ISO 8601 date-time');
  }
}

/**
 * How many registered (not erased) customers a query selects (APPI Art. 26; PPC Rules Art. 8(1)
 * item 3, the number of persons): counted in the database, no id or value leaves the registry.
 * Audited as 'customer.count' with the query. Needs 'registry.read'.
 */
export async function countAffectedCustomers(
  ctx: RegistryDeps,
  principal: Principal,
  query: AffectedQuery,
): Promise<number> {
  authorize(principal, 'registry.read');
  const offset = ctx.policy.offset;
  const from =
    query.acquiredFrom === undefined
      ? undefined
      : instantOf(query.acquiredFrom, 'acquiredFrom', offset);
  const before =
    query.acquiredBefore === undefined
      ? undefined
      : instantOf(query.acquiredBefore, 'acquiredBefore', offset);
  const byItem = query.categories !== undefined || from !== undefined || before !== undefined;
  return ctx.store.db.transaction().execute(async (tx) => {
    let q = registryDb(tx)
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('deleted_at', 'is', null);
    if (query.customerIds !== undefined)
      q = query.customerIds.length === 0 ? q.where(NOBODY) : q.where('id', 'in', query.customerIds);
    if (byItem)
      q = q.where('id', 'in', (eb) => {
        let items = eb.selectFrom('items').select('customer_id').where('superseded_at', 'is', null);
        if (query.categories !== undefined)
          items =
            query.categories.length === 0
              ? items.where(NOBODY)
              : items.where('category', 'in', query.categories);
        if (from !== undefined) items = items.where('acquired_at', '>=', from);
        if (before !== undefined) items = items.where('acquired_at', '<', before);
        return items;
      });
    const n = Number((await q.executeTakeFirstOrThrow()).n);
    await ctx.audit.append(tx, [
      { actor: principal.id, action: 'customer.count', detail: { query: { ...query }, count: n } },
    ]);
    return n;
  });
}
