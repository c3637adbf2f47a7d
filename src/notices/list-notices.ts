import type { NoticeDeps } from './notice-deps.ts';
import { visibleCustomerIds } from '../registry/index.ts';
import { authorize, type Principal } from '../security/index.ts';
import { noticesDb } from './notice-tables.ts';
import { noticeView, type NoticeView } from './notice-view.ts';

/** Which notices to list: newest first, at most `limit` (1–500, default 50). */
export interface NoticeFilter {
  readonly limit?: number;
  readonly requestId?: string;
  readonly customerId?: string;
  /** Only notices in this state (see NoticeView.status). */
  readonly status?: NoticeView['status'];
}

/**
 * The outbox, newest first, addresses masked and bodies left sealed; only notices to customers
 * within the principal's groups (SECURITY.6), so a list may hold fewer rows than its limit.
 * Needs 'notices.read'.
 */
export async function listNotices(
  ctx: NoticeDeps,
  principal: Principal,
  filter: NoticeFilter = {},
): Promise<NoticeView[]> {
  authorize(principal, 'notices.read');
  const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 50), 1), 500);
  let q = noticesDb(ctx.store.db)
    .selectFrom('notices')
    .select([
      'id',
      'kind',
      'channel',
      'customer_id',
      'request_id',
      'lang',
      'to_masked',
      'subject',
      'created_at',
      'sent_at',
      'failure',
      'attempts',
      'next_attempt_at',
      'failed_at',
      'expires_at',
      'batch_id',
    ]);
  if (filter.requestId !== undefined) q = q.where('request_id', '=', filter.requestId);
  if (filter.customerId !== undefined) q = q.where('customer_id', '=', filter.customerId);
  if (filter.status === 'sent') q = q.where('sent_at', 'is not', null);
  else if (filter.status !== undefined) {
    q = q.where('sent_at', 'is', null);
    if (filter.status === 'failed') q = q.where('failed_at', 'is not', null);
    else {
      q = q
        .where('failed_at', 'is', null)
        .where('next_attempt_at', filter.status === 'retrying' ? 'is not' : 'is', null);
      if (filter.status !== 'retrying')
        q = q.where('batch_id', filter.status === 'batched' ? 'is not' : 'is', null);
    }
  }
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  const visible = await visibleCustomerIds(
    ctx.store.db,
    principal,
    rows.map((r) => r.customer_id),
  );
  return rows.filter((r) => visible.has(r.customer_id)).map(noticeView);
}
