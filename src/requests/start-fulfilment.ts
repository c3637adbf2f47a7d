import type { RequestDeps } from './request-deps.ts';
import { authorize, type Principal } from '../security/index.ts';
import { applyEvent } from './apply-event.ts';
import type { CustomerRequest } from './customer-request.ts';
import { onRequest } from './on-request.ts';

/**
 * Starts work on a request: a free kind once identity is verified, a charged one only once
 * paid (REQUEST.FEE). Needs 'requests.manage'.
 */
export async function startFulfilment(
  ctx: RequestDeps,
  principal: Principal,
  input: { readonly requestId: string },
): Promise<CustomerRequest> {
  authorize(principal, 'requests.manage');
  return onRequest(ctx, principal, input.requestId, (tx, request) =>
    applyEvent(ctx, tx, principal, request, { type: 'start', at: ctx.clock(), by: principal.id }),
  );
}
