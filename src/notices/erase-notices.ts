import type { Kysely } from 'kysely';
import { noticesDb } from './notice-tables.ts';

/**
 * Deletes an erased customer's notices from the outbox (REQUEST.DELETION, APPI Art. 35):
 * their sealed address and body could never be read again, and the masked address and the
 * request they belong to would still be kept of the person. `keep` names the deletion's own
 * outcome letter, written just before the erasure and sent from memory after the commit; its
 * row goes once that send is tried (`deliverNotice`). Inside the erasure's transaction `db`.
 * Returns how many were deleted.
 */
export async function eraseNotices(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  customerId: string,
  keep: string | null = null,
): Promise<number> {
  let q = noticesDb(db).deleteFrom('notices').where('customer_id', '=', customerId);
  if (keep !== null) q = q.where('id', '<>', keep);
  const result = await q.executeTakeFirst();
  return Number(result.numDeletedRows);
}
