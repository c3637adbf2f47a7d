import type { RequestDeps } from './request-deps.ts';
import { sendAfterCommit } from '../notices/index.ts';
import { authorize, type Principal } from '../security/index.ts';
import { applyEvent } from './apply-event.ts';
import type { CustomerRequest } from './customer-request.ts';
import { onRequest } from './on-request.ts';
import { outcomeNotice } from './outcome-notice.ts';

/**
 * Records that the customer was told the outcome, with the reasons of any refusal (APPI
 * Art. 36), and puts the letter that tells it in the outbox (sent by SMTP when configured);
 * closes the request (REQUEST.TIMELY is judged at this moment). Every kind and outcome gets
 * its letter here, except a fulfilled deletion, told at fulfilment. Needs 'requests.manage'.
 */
export async function markNotified(
  ctx: RequestDeps,
  principal: Principal,
  input: { readonly requestId: string },
): Promise<CustomerRequest> {
  authorize(principal, 'requests.manage');
  const noticeIds: string[] = [];
  const notified = await onRequest(ctx, principal, input.requestId, async (tx, request, inTx) => {
    const next = await applyEvent(ctx, tx, principal, request, {
      type: 'notify',
      at: ctx.clock(),
      by: principal.id,
    });
    // A fulfilled deletion's letter was written at fulfilment, before the customer was erased;
    // every other outcome — a refused deletion included — is told now, with its ground
    // (APPI Art. 35(7), 36).
    if (!erasedAtFulfilment(next)) {
      const notice = await outcomeNotice(inTx, tx, principal, next);
      if (notice !== null) noticeIds.push(notice.id);
    }
    return next;
  });
  sendAfterCommit(ctx, noticeIds);
  return notified;
}

/** Whether the request was a deletion carried out: its letter left with the erasure. */
function erasedAtFulfilment(request: CustomerRequest): boolean {
  return request.kind === 'REQUEST.DELETION' && request.outcome?.result === 'fulfilled';
}
