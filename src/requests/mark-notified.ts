import type { AppContext } from '../app/app-context.ts';
import { authorize } from '../security/authorize.ts';
import type { Principal } from '../security/principal.ts';
import { applyEvent } from './apply-event.ts';
import type { CustomerRequest } from './customer-request.ts';
import { onRequest } from './on-request.ts';

/**
 * Records that the customer was told the outcome, with the reasons of any refusal (APPI
 * Art. 36); closes the request (REQUEST.TIMELY is judged at this moment). Needs
 * 'requests.manage'.
 */
export async function markNotified(
  ctx: AppContext,
  principal: Principal,
  input: { readonly requestId: string },
): Promise<CustomerRequest> {
  authorize(principal, 'requests.manage');
  return onRequest(ctx, input.requestId, (tx, request) =>
    applyEvent(ctx, tx, principal, request, { type: 'notify', at: ctx.clock(), by: principal.id }),
  );
}
