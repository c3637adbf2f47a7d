import type { RequestDeps } from './request-deps.ts';
import type { Principal } from '../security/index.ts';
import { joinTransaction } from '../store/index.ts';
import { applyEvent } from './apply-event.ts';
import type { CustomerRequest } from './customer-request.ts';
import { feeFor } from './fee-for.ts';
import { fileRequest } from './file-request.ts';
import { ownCustomerId } from './own-customer-id.ts';
import type { PublicFileRequestInput } from './request-input.ts';
import { webChannel } from './web-channel.ts';

/** The identity method recorded for a request filed after a one-time code (REQUEST.WEB). */
export const ONE_TIME_CODE = 'oneTimeCode';

/**
 * REQUEST.WEB: a customer verified by a one-time code files their own request. Filed by
 * `fileRequest` for the token's customer with channel 'web', then — in the same transaction —
 * its identity recorded as verified by the code (received → identityVerified), and for a
 * charged kind the fee asked (REQUEST.FEE). A request filed by an agent stays 'received': the
 * code does not prove the agent's authority, which staff check. Needs 'requests.own'.
 */
export async function fileOwnRequest(
  ctx: RequestDeps,
  principal: Principal,
  input: PublicFileRequestInput,
): Promise<CustomerRequest> {
  const customerId = ownCustomerId(principal);
  const web = webChannel(principal.id);
  return ctx.store.db.transaction().execute(async (tx) => {
    const inTx: RequestDeps = { ...ctx, store: { ...ctx.store, db: joinTransaction(tx) } };
    const filed = await fileRequest(inTx, web, { ...input, customerId, channel: 'web' });
    // APPI Art. 37: the code proves access to the customer's mailbox, not an agent's authority;
    // an agent's request waits, received, for staff to check the document that proves it.
    if (filed.requester.type === 'agent') return filed;
    const at = ctx.clock();
    const verified = await applyEvent(
      ctx,
      tx,
      web,
      filed,
      { type: 'verify', method: ONE_TIME_CODE, at, by: principal.id },
      { clauses: ['REQUEST.WEB'] },
    );
    if (!verified.charged) return verified;
    const fee = feeFor(ctx.policy, {
      kind: verified.kind,
      // The lines counted at filing (those named, else every line held then).
      lines: verified.fee.lines,
    });
    return applyEvent(
      ctx,
      tx,
      web,
      verified,
      { type: 'requestFee', fee, at, by: principal.id },
      { clauses: ['REQUEST.FEE'] },
    );
  });
}
