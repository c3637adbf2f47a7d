import type { Kysely } from 'kysely';
import { registryDb } from './registry-tables.ts';

/**
 * Keyset pagination over visible customers: up to `limit` ids after `after`, in id order,
 * inside the caller's transaction (bulk jobs stream the registry without holding it in memory).
 */
export async function customerIdPage(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  after: string | null,
  limit: number,
): Promise<string[]> {
  let q = registryDb(tx)
    .selectFrom('customers')
    .select('id')
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .limit(limit);
  if (after !== null) q = q.where('id', '>', after);
  return (await q.execute()).map((r) => r.id);
}
