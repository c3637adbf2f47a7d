import type { RequestDeps } from './request-deps.ts';
import type { Principal } from '../security/index.ts';
import { applyEvent } from './apply-event.ts';
import type { CustomerRequest } from './customer-request.ts';
import { feeFor } from './fee-for.ts';
import { fileRequest, openKeyOf, refuseDuplicateOpen } from './file-request.ts';
import { HogoError } from '../errors/index.ts';
import { isUniqueViolation, joinTransaction } from '../store/index.ts';
import { requestKind } from './request-kind.ts';
import { takeRateLimit } from './take-rate-limit.ts';
import { DEFAULT_VERIFICATION_LIMITS } from './verification-limits.ts';
import { ownCustomerId } from './own-customer-id.ts';
import type { FileRequestInput, PublicFileRequestInput } from './request-input.ts';
import { webChannel } from './web-channel.ts';

/** The identity method recorded for a request filed after a one-time code (REQUEST.WEB). */
export const ONE_TIME_CODE = 'oneTimeCode';

/**
 * REQUEST.WEB: a customer verified by a one-time code files their own request. Filed by
 * `fileRequest` for the token's customer with channel 'web', then — in the same transaction —
 * its identity recorded as verified by the code (received → identityVerified), and for a
 * charged kind the fee asked (REQUEST.FEE). A request filed by an agent stays 'received': the
 * code does not prove the agent's authority, which staff check. One open request of a kind
 * per customer ('requests.duplicate_open' names the open one: 200 copies of a deletion would
 * only turn overdue once the first is fulfilled), and a filing rate per customer
 * (`perCustomerFiling`, 'requests.rate_limited' with `retryAfter` seconds). Needs 'requests.own'.
 */
export async function fileOwnRequest(
  ctx: RequestDeps,
  principal: Principal,
  input: PublicFileRequestInput,
): Promise<CustomerRequest> {
  const customerId = ownCustomerId(principal);
  const web = webChannel(principal.id);
  const limits = ctx.verificationLimits ?? DEFAULT_VERIFICATION_LIMITS;
  // Counted in the database, so every server counts together; the key is the customer's id.
  const taken = await takeRateLimit(ctx, `filing:${customerId}`, limits.perCustomerFiling);
  if (!taken.allowed) {
    const retryAfter = Math.max(1, Math.ceil(taken.retryAfterMs / 1000));
    throw new HogoError(
      'requests.rate_limited',
      `too many requests filed for this customer; try again in ${retryAfter} s`,
      { retryAfter },
    );
  }
  try {
    return await fileVerified(ctx, principal, web, { ...input, customerId, channel: 'web' });
  } catch (e) {
    // Filed at the same moment by another call (PostgreSQL): the unique open key refused this
    // one; name the request that won, as the check before the insert does.
    if (!isUniqueViolation(e)) throw e;
    const kind = requestKind(ctx.policy, input.kind).id;
    await refuseDuplicateOpen(ctx.store.db, openKeyOf({ customerId, kind }));
    throw new HogoError('requests.conflict', 'the request changed meanwhile; read it again', {
      field: 'kind',
    });
  }
}

async function fileVerified(
  ctx: RequestDeps,
  principal: Principal,
  web: Principal,
  input: FileRequestInput,
): Promise<CustomerRequest> {
  return ctx.store.db.transaction().execute(async (tx) => {
    const inTx: RequestDeps = { ...ctx, store: { ...ctx.store, db: joinTransaction(tx) } };
    const filed = await fileRequest(inTx, web, input, { oneOpenPerKind: true });
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
