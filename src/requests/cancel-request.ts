import type { RequestDeps } from './request-deps.ts';
import { authorize, type Principal } from '../security/index.ts';
import { applyEvent } from './apply-event.ts';
import type { CustomerRequest } from './customer-request.ts';
import { onRequest } from './on-request.ts';

/** Cancels a request that has no outcome yet (e.g. withdrawn by the customer). Needs 'requests.manage'. */
export async function cancelRequest(
  ctx: RequestDeps,
  principal: Principal,
  input: { readonly requestId: string; readonly reason: string },
): Promise<CustomerRequest> {
  authorize(principal, 'requests.manage');
  return onRequest(ctx, principal, input.requestId, (tx, request) =>
    applyEvent(ctx, tx, principal, request, {
      type: 'cancel',
      reason: input.reason,
      at: ctx.clock(),
      by: principal.id,
    }),
  );
}
