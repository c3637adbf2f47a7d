import type { NoticeDeps } from './notice-deps.ts';
import { HogoError } from '../errors/index.ts';
import { senderFor } from './notice-senders.ts';
import { noticesDb } from './notice-tables.ts';
import { nextAttemptAt } from './retry-schedule.ts';

/** What became of one delivery attempt ('gaveUp': it failed its last try, failed for good). */
export type DeliveryResult = 'sent' | 'failed' | 'gaveUp' | 'kept';

/**
 * Sends one notice, an e-mail through `HOGO_SMTP_URL` (nodemailer) or a text message through
 * the SMS gateway (`HOGO_SMS_URL`), and records `sent_at`, or the failure's code and when to
 * try again (1, 5, 30 minutes; after the fifth try it is failed for good, `failed_at`). Without
 * its channel configured, and for post (a print batch sends letters), the notice stays in the
 * outbox ('kept'). The address and body are decrypted only to send, audited as
 * 'notice.send'. `plain` gives them from memory instead: a letter written just before its
 * customer was erased (REQUEST.DELETION) can no longer be decrypted; it is tried once and then
 * deleted from the outbox, sent or not ('notice.erase' audits which).
 */
export async function deliverNotice(
  ctx: NoticeDeps,
  noticeId: string,
  plain?: { readonly to: string; readonly body: string },
): Promise<DeliveryResult> {
  const db = noticesDb(ctx.store.db);
  const row = await db
    .selectFrom('notices')
    .selectAll()
    .where('id', '=', noticeId)
    .executeTakeFirst();
  if (row === undefined)
    throw new HogoError('notices.not_found', 'no such notice', { field: 'id' });
  const send = senderFor(ctx.mail, row.channel);
  if (send === null || row.sent_at !== null || row.failed_at !== null) return 'kept';
  if (plain === undefined && (await isErased(ctx, row.customer_id))) {
    // REQUEST.DELETION shredded the customer's key: the notice can never be read again, so it
    // fails for good ('erased') instead of failing every retry run.
    await db
      .updateTable('notices')
      .set({ failure: 'erased', failed_at: ctx.clock(), next_attempt_at: null })
      .where('id', '=', row.id)
      .execute();
    return 'gaveUp';
  }
  const { to, body } = await ctx.store.db.transaction().execute(async (tx) => {
    await ctx.audit.append(tx, [
      {
        actor: 'system:notices',
        action: 'notice.send',
        customerId: row.customer_id,
        detail: { noticeId: row.id, kind: row.kind, channel: row.channel },
      },
    ]);
    if (plain !== undefined) return plain;
    const cipher = (await ctx.keys.ciphersFor(tx, [row.customer_id])).get(row.customer_id)!;
    return {
      to: cipher.decrypt(row.to_sealed, `notice:${row.id}:to`),
      body: cipher.decrypt(row.body_sealed, `notice:${row.id}:body`),
    };
  });
  let failure: string | null = null;
  try {
    await send({ to, subject: row.subject, body });
  } catch (e) {
    // Only the code: an SMTP or gateway error message may echo the address.
    failure = String((e as { code?: unknown }).code ?? 'send_failed').slice(0, 64);
  }
  const attempts = Number(row.attempts) + 1;
  const now = ctx.clock();
  if (plain !== undefined) {
    // A letter to a customer erased meanwhile (REQUEST.DELETION): tried once from memory,
    // then gone from the outbox with the rest of them; what became of it is audited.
    await ctx.store.db.transaction().execute(async (tx) => {
      await noticesDb(tx).deleteFrom('notices').where('id', '=', row.id).execute();
      await ctx.audit.append(tx, [
        {
          actor: 'system:notices',
          action: 'notice.erase',
          customerId: row.customer_id,
          detail: { noticeId: row.id, kind: row.kind, sent: failure === null, failure },
        },
      ]);
    });
    return failure === null ? 'sent' : 'gaveUp';
  }
  const retryAt = failure === null ? null : nextAttemptAt(attempts, now);
  await db
    .updateTable('notices')
    .set({
      attempts,
      failure,
      next_attempt_at: retryAt,
      ...(failure === null ? { sent_at: now } : {}),
      ...(failure !== null && retryAt === null ? { failed_at: now } : {}),
    })
    .where('id', '=', row.id)
    .execute();
  return failure === null ? 'sent' : retryAt === null ? 'gaveUp' : 'failed';
}

/** True when the customer's data key was shredded (REQUEST.DELETION). */
async function isErased(ctx: NoticeDeps, customerId: string): Promise<boolean> {
  try {
    await ctx.keys.ciphersFor(ctx.store.db, [customerId]);
    return false;
  } catch (e) {
    if (e instanceof HogoError && e.code === 'keys.shredded') return true;
    throw e;
  }
}
