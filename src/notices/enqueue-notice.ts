import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { NoticeDeps } from './notice-deps.ts';
import { maskAddress } from './mask-address.ts';
import type { NoticeInput } from './notice-input.ts';
import { noticesDb } from './notice-tables.ts';

/**
 * Puts a notice in the outbox inside the caller's transaction `tx`: the address and the body
 * sealed under the customer's data key, the address also masked for lists. Returns its id;
 * the caller sends it after commit (`sendAfterCommit`).
 */
export async function enqueueNotice(
  ctx: NoticeDeps,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  notice: NoticeInput,
): Promise<string> {
  const id = randomUUID();
  const cipher = (await ctx.keys.ciphersFor(tx, [notice.customerId])).get(notice.customerId)!;
  await noticesDb(tx)
    .insertInto('notices')
    .values({
      id,
      kind: notice.kind,
      channel: notice.channel,
      customer_id: notice.customerId,
      request_id: notice.requestId ?? null,
      lang: notice.lang,
      to_masked: maskAddress(notice.channel, notice.to),
      to_sealed: cipher.encrypt(notice.to, `notice:${id}:to`),
      subject: notice.subject,
      body_sealed: cipher.encrypt(notice.body, `notice:${id}:body`),
      created_at: ctx.clock(),
      sent_at: null,
      failure: null,
      attempts: 0,
      next_attempt_at: null,
      failed_at: null,
      expires_at: notice.expiresAt ?? null,
      batch_id: null,
    })
    .execute();
  return id;
}
