import type { Kysely } from 'kysely';
import type { Principal } from '../security/index.ts';
import { groupFilter } from './group-scope.ts';
import { registryDb } from './registry-tables.ts';

/**
 * Keyset pagination over visible customers: up to `limit` ids after `after`, in id order,
 * inside the caller's transaction (bulk jobs stream the registry without holding it in memory).
 * With a principal, only customers of the groups its scope covers (SECURITY.6): an export by a
 * token limited to some groups never reaches the others.
 */
export async function customerIdPage(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  after: string | null,
  limit: number,
  principal?: Principal,
): Promise<string[]> {
  let q = registryDb(tx)
    .selectFrom('customers')
    .select('id')
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .limit(limit);
  if (after !== null) q = q.where('id', '>', after);
  const groups = principal === undefined ? 'all' : groupFilter(principal);
  if (groups !== 'all') q = q.where('customer_group', 'in', groups);
  return (await q.execute()).map((r) => r.id);
}
