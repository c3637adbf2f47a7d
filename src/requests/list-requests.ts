import type { RequestDeps } from './request-deps.ts';
import { authorize, type Principal } from '../security/index.ts';
import type { CustomerRequest } from './customer-request.ts';
import { DUE_SOON_MS, dueStatus, type DueStatus } from './due-status.ts';
import { requestKind } from './request-kind.ts';
import type { RequestState } from './request-state.ts';
import { requestsDb } from './request-tables.ts';
import { requestView, type RequestView } from './request-view.ts';
import { visibleCustomerIds } from '../registry/index.ts';

/** Filters of `listRequests`; `due` selects open requests past or near their due date. */
export interface RequestFilter {
  readonly state?: RequestState;
  readonly kind?: string;
  readonly due?: 'overdue' | 'soon';
  readonly customerId?: string;
  /** At most this many (default 100, at most 500). */
  readonly limit?: number;
}

/** A request as listed (free texts sealed: `requestDetail` opens them), with its due status. */
export type ListedRequest = RequestView & { readonly dueStatus: DueStatus };

/**
 * Requests, earliest due first (REQUEST.TIMELY: the staff's work list). `due: 'overdue'`
 * lists open requests whose due date has passed, `due: 'soon'` open ones with 72 hours or
 * less left — the same rule as `dueStatus`. Needs 'requests.read'.
 */
export async function listRequests(
  ctx: RequestDeps,
  principal: Principal,
  filter: RequestFilter = {},
): Promise<ListedRequest[]> {
  authorize(principal, 'requests.read');
  const now = ctx.clock();
  let q = requestsDb(ctx.store.db).selectFrom('requests').select('body');
  if (filter.state !== undefined) q = q.where('state', '=', filter.state);
  if (filter.kind !== undefined) q = q.where('kind', '=', requestKind(ctx.policy, filter.kind).id);
  if (filter.customerId !== undefined) q = q.where('customer_id', '=', filter.customerId);
  if (filter.due === 'overdue') q = q.where('closed_at', 'is', null).where('due_at', '<=', now);
  if (filter.due === 'soon')
    q = q
      .where('closed_at', 'is', null)
      .where('due_at', '>', now)
      .where('due_at', '<=', now + DUE_SOON_MS);
  const limit = Math.min(Math.max(filter.limit ?? 100, 1), 500);
  const rows = await q.orderBy('due_at').orderBy('id').limit(limit).execute();
  const requests = rows.map((r) => JSON.parse(r.body) as CustomerRequest);
  // SECURITY.6: requests of customers outside the principal's groups are not listed (a page
  // may then hold fewer than `limit`).
  const visible = await visibleCustomerIds(
    ctx.store.db,
    principal,
    requests.map((r) => r.customerId),
  );
  return requests
    .filter((r) => visible.has(r.customerId))
    .map((request) => ({ ...requestView(request), dueStatus: dueStatus(request, now) }));
}
