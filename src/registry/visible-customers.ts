import type { Kysely } from 'kysely';
import { groupsInScope, type Principal } from '../security/index.ts';
import { registryDb } from './registry-tables.ts';

/**
 * Which of these customers the principal's scope covers (SECURITY.6: the customer groups it
 * may touch), erased ones included, so that another slice (a customer's requests) hides what
 * lies outside the scope as not found. Every id when the scope names no groups.
 */
export async function visibleCustomerIds(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  principal: Principal,
  customerIds: readonly string[],
): Promise<ReadonlySet<string>> {
  const groups = groupsInScope(principal);
  if (groups === 'all') return new Set(customerIds);
  if (groups.length === 0 || customerIds.length === 0) return new Set();
  const rows = await registryDb(db)
    .selectFrom('customers')
    .select('id')
    .where('id', 'in', [...new Set(customerIds)])
    .where('customer_group', 'in', groups)
    .execute();
  return new Set(rows.map((r) => r.id));
}
