import { randomBytes } from 'node:crypto';
import type { RequestDeps } from './request-deps.ts';
import { HogoError } from '../errors/index.ts';
import { codeNotice, enqueueNotice, rehearseNotice, sendAfterCommit } from '../notices/index.ts';
import { listCustomers, normalizeEmail, normalizePhone } from '../registry/index.ts';
import { joinTransaction } from '../store/index.ts';
import { clientNetwork } from './client-network.ts';
import { CODE_TTL_MS, codeHash, newCode } from './verification-code.ts';
import type { StartVerificationInput } from './verification-input.ts';
import { requestsDb } from './request-tables.ts';
import { pruneRateLimits, takeRateLimit } from './take-rate-limit.ts';
import { DEFAULT_VERIFICATION_LIMITS } from './verification-limits.ts';
import { webChannel } from './web-channel.ts';

/** The answer to a verification start: always the same shape, whoever the address is. */
export interface StartedVerification {
  readonly verificationId: string;
  readonly expiresAt: string;
  readonly channel: 'email' | 'phone';
}

/**
 * REQUEST.WEB: starts a one-time-code check of the person at an e-mail address or phone
 * number. When exactly one customer holds it (blind index, no plaintext read), a 6-digit code
 * goes to the outbox addressed to it (and out by SMTP when configured); the code is kept
 * only as a keyed hash. The answer is the same whether or not anyone matched, so it tells
 * nothing about who is a customer; both paths do the same statements (a notice rehearsed
 * where none is sent). Limits (`ctx.verificationLimits`): too many starts from one client
 * network (an IPv6 address by its /64) are refused ('verification.rate_limited', with
 * `retryAfter` seconds); too many codes for one address answer as usual but send none
 * (audited `limited`), so the limit reveals nothing either. Public: no principal.
 */
export async function startVerification(
  ctx: RequestDeps,
  input: StartVerificationInput,
  client: { readonly ip: string },
): Promise<StartedVerification> {
  const limits = ctx.verificationLimits ?? DEFAULT_VERIFICATION_LIMITS;
  const ipKey = `ip:${ctx.keys.blindIndex('phone', `limit-ip\u0000${clientNetwork(client.ip)}`).toString('hex')}`;
  const byIp = await takeRateLimit(ctx, ipKey, limits.perIp);
  if (!byIp.allowed) {
    const retryAfter = Math.max(1, Math.ceil(byIp.retryAfterMs / 1000));
    throw new HogoError(
      'verification.rate_limited',
      `too many codes asked for from this network; try again in ${retryAfter} s`,
      { retryAfter },
    );
  }
  const channel = 'email' in input ? 'email' : 'phone';
  // Normalized before any look-up: a malformed address is refused the same for everyone.
  const address = 'email' in input ? normalizeEmail(input.email) : normalizePhone(input.phone);
  // Counted whether or not anyone holds the address: the count tells nothing either.
  const addressKey = `address:${ctx.keys.blindIndex(channel, `limit\u0000${address}`).toString('hex')}`;
  const byAddress = await takeRateLimit(ctx, addressKey, limits.perAddress);
  const id = `ver_${randomBytes(16).toString('base64url')}`;
  const now = ctx.clock();
  const expiresAt = now + CODE_TTL_MS;
  const noticeIds: string[] = [];
  await ctx.store.db.transaction().execute(async (tx) => {
    const inTx: RequestDeps = { ...ctx, store: { ...ctx.store, db: joinTransaction(tx) } };
    const web = webChannel(`web:verification:${id}`);
    const found = await listCustomers(inTx, web, {
      limit: 2,
      ...(channel === 'email' ? { email: address } : { phone: address }),
    });
    // Two customers sharing an address cannot be told apart by a code: no one is chosen.
    const customerId = found.customers.length === 1 ? found.customers[0]!.id : null;
    const sendTo = byAddress.allowed ? customerId : null;
    const code = newCode();
    const hash = codeHash(ctx.keys, id, code);
    await requestsDb(tx)
      .insertInto('request_verifications')
      .values({
        id,
        channel,
        customer_id: sendTo,
        code_hash: sendTo === null ? null : hash,
        lang: input.lang,
        failures: 0,
        created_at: now,
        expires_at: expiresAt,
        used_at: null,
      })
      .execute();
    const text = codeNotice({ lang: input.lang, code, minutes: CODE_TTL_MS / 60_000 });
    const notice = {
      kind: 'verification.code',
      channel,
      lang: input.lang,
      to: address,
      expiresAt,
      ...text,
    } as const;
    if (sendTo !== null)
      noticeIds.push(await enqueueNotice(inTx, tx, { ...notice, customerId: sendTo }));
    else await rehearseNotice(inTx, tx, notice);
    await ctx.audit.append(tx, [
      {
        actor: web.id,
        action: 'verification.start',
        customerId,
        clauses: ['REQUEST.WEB'],
        detail: {
          verificationId: id,
          channel,
          matched: customerId !== null,
          ...(byAddress.allowed ? {} : { limited: true }),
        },
      },
    ]);
  });
  sendAfterCommit(ctx, noticeIds);
  try {
    await pruneRateLimits(ctx);
  } catch {
    // Pruning is housekeeping: the next start prunes what this one could not.
  }
  return { verificationId: id, expiresAt: new Date(expiresAt).toISOString(), channel };
}
