import type { RequestDeps } from './request-deps.ts';
import type { Principal } from '../security/index.ts';
import type { CustomerRequest } from './customer-request.ts';
import { ownCustomerId } from './own-customer-id.ts';
import { publicSummary, type PublicRequestSummary } from './public-request-view.ts';
import { requestsDb } from './request-tables.ts';

/** REQUEST.WEB: the verified customer's own requests, newest first (at most 200). Needs 'requests.own'. */
export async function listOwnRequests(
  ctx: RequestDeps,
  principal: Principal,
): Promise<PublicRequestSummary[]> {
  const customerId = ownCustomerId(principal);
  const rows = await requestsDb(ctx.store.db)
    .selectFrom('requests')
    .select('body')
    .where('customer_id', '=', customerId)
    .orderBy('received_at', 'desc')
    .orderBy('id')
    .limit(200)
    .execute();
  return rows.map((r) => publicSummary(ctx.policy, JSON.parse(r.body) as CustomerRequest));
}
