import type { RequestDeps } from './request-deps.ts';
import { authorize, type Principal } from '../security/index.ts';
import { applyEvent } from './apply-event.ts';
import type { CustomerRequest } from './customer-request.ts';
import { onRequest } from './on-request.ts';
import type { Refusal } from './refusal-reason.ts';

/**
 * Refuses a request under examination, wholly, on a ground the law gives for its kind and
 * with a sentence for the customer (APPI Art. 33(2), 34, 35, 36). Needs 'requests.manage'.
 */
export async function refuseRequest(
  ctx: RequestDeps,
  principal: Principal,
  input: { readonly requestId: string; readonly refusal: Refusal },
): Promise<CustomerRequest> {
  authorize(principal, 'requests.manage');
  return onRequest(ctx, principal, input.requestId, (tx, request) =>
    applyEvent(ctx, tx, principal, request, {
      type: 'refuse',
      refusal: input.refusal,
      at: ctx.clock(),
      by: principal.id,
    }),
  );
}
