import type { NoticeDeps } from './notice-deps.ts';
import { authorize, type Principal } from '../security/index.ts';
import { deliverNotice } from './deliver-notice.ts';
import { sendableChannels } from './notice-senders.ts';
import { noticesDb } from './notice-tables.ts';

/** What a retry run did: notices tried, and what became of them. */
export interface RetryReport {
  /** False when no SMTP is configured: no e-mail was tried. */
  readonly smtp: boolean;
  /** False when no SMS gateway is configured: no text message was tried. */
  readonly sms: boolean;
  readonly tried: number;
  readonly sent: number;
  /** Failed again, to be tried later. */
  readonly failed: number;
  /** Failed their last try: failed for good (status 'failed' in the outbox). */
  readonly gaveUp: number;
  /** Expired before they could be sent (a one-time code): failed for good, not tried. */
  readonly expired: number;
}

/** How long a claimed notice is held by one run, so that another run does not send it too. */
const CLAIM_MS = 10 * 60_000;

/**
 * Tries again the e-mail and phone notices (those whose channel is configured) whose sending failed and whose backoff has passed (1, 5, 30
 * minutes after successive failures), oldest first, at most `max` (default 100); a notice that
 * fails its fifth try is failed for good, and one whose content has expired (a one-time code
 * past its validity) is failed for good without a try ('expired'). Each is claimed first (its next attempt moved on), so
 * runs on several servers never send one twice. Needs 'notices.send'.
 */
export async function retryNotices(
  ctx: NoticeDeps,
  principal: Principal,
  input: { readonly max?: number } = {},
): Promise<RetryReport> {
  authorize(principal, 'notices.send');
  const channels = sendableChannels(ctx.mail);
  const report = {
    smtp: channels.includes('email'),
    sms: channels.includes('phone'),
    tried: 0,
    sent: 0,
    failed: 0,
    gaveUp: 0,
    expired: 0,
  };
  if (channels.length === 0) return report;
  const max = Math.min(Math.max(Math.trunc(input.max ?? 100), 1), 10_000);
  const db = noticesDb(ctx.store.db);
  const now = ctx.clock();
  const due = await db
    .selectFrom('notices')
    .select(['id', 'next_attempt_at', 'expires_at'])
    .where('next_attempt_at', '<=', now)
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('channel', 'in', channels)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(max)
    .execute();
  for (const notice of due) {
    const expired = notice.expires_at !== null && Number(notice.expires_at) <= now;
    const claimed = await db
      .updateTable('notices')
      .set(
        expired
          ? { next_attempt_at: null, failed_at: now, failure: 'expired' }
          : { next_attempt_at: now + CLAIM_MS },
      )
      .where('id', '=', notice.id)
      .where('next_attempt_at', '=', notice.next_attempt_at)
      .where('sent_at', 'is', null)
      .executeTakeFirst();
    if (claimed.numUpdatedRows !== 1n) continue;
    if (expired) {
      report.expired++;
      continue;
    }
    report.tried++;
    const result = await deliverNotice(ctx, notice.id);
    if (result === 'sent') report.sent++;
    else if (result === 'failed') report.failed++;
    else if (result === 'gaveUp') report.gaveUp++;
  }
  return report;
}
