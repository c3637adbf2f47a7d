import type { RequestDeps } from './request-deps.ts';
import { HogoError } from '../errors/index.ts';
import type { Principal } from '../security/index.ts';
import { hasPackage } from './has-package.ts';
import { ownCustomerId } from './own-customer-id.ts';
import { publicDetail, type PublicRequestDetail } from './public-request-view.ts';
import { readRequestTexts } from './read-request-texts.ts';
import { requireRequest } from './require-request.ts';
import { requestsDb } from './request-tables.ts';

/**
 * REQUEST.WEB: one of the verified customer's requests with its outcome — the refusal's
 * sentence staff wrote to them, opened and audited — and the history of its states (no staff
 * names). Another customer's request is 'requests.not_found', exactly like
 * one that does not exist. Needs 'requests.own'.
 */
export async function ownRequestDetail(
  ctx: RequestDeps,
  principal: Principal,
  input: { readonly requestId: string },
): Promise<PublicRequestDetail> {
  const customerId = ownCustomerId(principal);
  const db = requestsDb(ctx.store.db);
  const request = await requireRequest(ctx.store.db, input.requestId);
  if (request.customerId !== customerId)
    throw new HogoError('requests.not_found', 'no such request', { field: 'requestId' });
  const rows = await db
    .selectFrom('request_events')
    .selectAll()
    .where('request_id', '=', request.id)
    .orderBy('seq')
    .execute();
  return publicDetail(
    ctx.policy,
    request,
    rows.map((r) => ({
      seq: Number(r.seq),
      type: r.type,
      from: r.from_state,
      to: r.to_state,
      actor: r.actor,
      at: new Date(Number(r.at)).toISOString(),
      detail: null,
    })),
    await hasPackage(ctx.store.db, request.id),
    await readRequestTexts(ctx, principal, request, ['refusal', 'surcharge']),
  );
}
