import type { RequestDeps } from './request-deps.ts';
import { authorize, type Principal } from '../security/index.ts';
import { applyEvent } from './apply-event.ts';
import type { CustomerRequest } from './customer-request.ts';
import { feeFor } from './fee-for.ts';
import { onRequest } from './on-request.ts';
import type { VerifyInput } from './request-input.ts';

/**
 * Records that the helpdesk confirmed the requester's identity (and, for an agent, the
 * authority recorded at filing — APPI Art. 37), then for a charged kind asks the fee
 * (REQUEST.FEE), with a surcharge only where the file allows it and staff give a reason.
 * The website's one-time codes (REQUEST.WEB) will be one more `method`, checked here before
 * the event is applied. Needs 'requests.manage'.
 */
export async function verifyIdentity(
  ctx: RequestDeps,
  principal: Principal,
  input: { readonly requestId: string } & VerifyInput,
): Promise<CustomerRequest> {
  authorize(principal, 'requests.manage');
  return onRequest(ctx, principal, input.requestId, async (tx, request) => {
    const at = ctx.clock();
    const by = principal.id;
    const verified = await applyEvent(ctx, tx, principal, request, {
      type: 'verify',
      method: input.method,
      at,
      by,
    });
    if (!verified.charged) return verified;
    const fee = feeFor(ctx.policy, {
      kind: verified.kind,
      // The lines counted at filing (those named, else every line held then).
      lines: verified.fee.lines,
      ...(input.surcharge !== undefined ? { surcharge: input.surcharge } : {}),
    });
    return applyEvent(
      ctx,
      tx,
      principal,
      verified,
      { type: 'requestFee', fee, at, by },
      { clauses: ['REQUEST.FEE'] },
    );
  });
}
