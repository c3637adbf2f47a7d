import type { RequestDeps } from './request-deps.ts';
import { authorize, type Principal } from '../security/index.ts';
import { applyEvent } from './apply-event.ts';
import type { CustomerRequest } from './customer-request.ts';
import { onRequest } from './on-request.ts';

/** Records that the fee due was paid in full (REQUEST.FEE). Needs 'requests.manage'. */
export async function recordPayment(
  ctx: RequestDeps,
  principal: Principal,
  input: { readonly requestId: string; readonly amount: number; readonly reference?: string },
): Promise<CustomerRequest> {
  authorize(principal, 'requests.manage');
  return onRequest(ctx, principal, input.requestId, (tx, request) =>
    applyEvent(
      ctx,
      tx,
      principal,
      request,
      {
        type: 'pay',
        amount: input.amount,
        reference: input.reference ?? null,
        at: ctx.clock(),
        by: principal.id,
      },
      { clauses: ['REQUEST.FEE'] },
    ),
  );
}
