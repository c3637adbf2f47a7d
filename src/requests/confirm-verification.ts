import { timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { RequestDeps } from './request-deps.ts';
import { HogoError, type ErrorCode } from '../errors/index.ts';
import { issueRequesterToken } from '../security/index.ts';
import { codeHash, MAX_FAILURES } from './verification-code.ts';
import { requestsDb } from './request-tables.ts';
import { clientNetwork } from './client-network.ts';
import { takeRateLimit } from './take-rate-limit.ts';
import { DEFAULT_VERIFICATION_LIMITS } from './verification-limits.ts';

/** A requester token: the bearer for the customer's own request routes, and its expiry. */
export interface ConfirmedVerification {
  readonly token: string;
  readonly expiresAt: string;
}

type Outcome =
  | { readonly ok: true; readonly confirmed: ConfirmedVerification }
  | { readonly ok: false; readonly error: HogoError };

/**
 * REQUEST.WEB: checks a one-time code. The right code, in time, once, gives a requester token
 * bound to the customer (30 minutes, only the customer's own request routes). A wrong code
 * counts ('verification.wrong_code' with the tries left); the fifth locks the verification
 * ('verification.locked'); after ten minutes 'verification.expired'. A verification whose
 * address matched no customer has no code and answers exactly like a wrong one. Tries are
 * counted per client network too (`perIpConfirm`). Public.
 */
export async function confirmVerification(
  ctx: RequestDeps,
  input: { readonly verificationId: string; readonly code: string },
  client?: { readonly ip: string },
): Promise<ConfirmedVerification> {
  if (client !== undefined) {
    // Per client network, right or wrong: five tries per verification, and no network may
    // start verifications to try codes on without end ('verification.rate_limited').
    const limits = ctx.verificationLimits ?? DEFAULT_VERIFICATION_LIMITS;
    const key = `confirm-ip:${ctx.keys.blindIndex('phone', `limit-confirm-ip\u0000${clientNetwork(client.ip)}`).toString('hex')}`;
    const taken = await takeRateLimit(ctx, key, limits.perIpConfirm);
    if (!taken.allowed) {
      const retryAfter = Math.max(1, Math.ceil(taken.retryAfterMs / 1000));
      throw new HogoError(
        'verification.rate_limited',
        `too many codes tried from this network; try again in ${retryAfter} s`,
        { retryAfter },
      );
    }
  }
  const outcome = await ctx.store.db.transaction().execute(async (tx): Promise<Outcome> => {
    const db = requestsDb(tx);
    // The row is locked first (a write that changes nothing), so that concurrent tries on
    // PostgreSQL are checked and counted one after the other: five wrong codes, never more.
    await db
      .updateTable('request_verifications')
      .set({ failures: sql<number>`failures` })
      .where('id', '=', input.verificationId)
      .execute();
    const row = await db
      .selectFrom('request_verifications')
      .selectAll()
      .where('id', '=', input.verificationId)
      .executeTakeFirst();
    const now = ctx.clock();
    if (row === undefined || row.used_at !== null)
      return fail('verification.not_found', 'no such verification, or its code was used');
    if (Number(row.failures) >= MAX_FAILURES)
      return fail('verification.locked', 'too many wrong codes; start again', { triesLeft: 0 });
    if (Number(row.expires_at) <= now)
      return fail('verification.expired', 'the code has expired; start again');
    const given = codeHash(ctx.keys, row.id, input.code);
    const stored = row.code_hash === null ? null : Buffer.from(row.code_hash);
    if (stored === null || stored.length !== given.length || !timingSafeEqual(stored, given)) {
      await db
        .updateTable('request_verifications')
        .set({ failures: sql<number>`failures + 1` })
        .where('id', '=', row.id)
        .execute();
      const after = await db
        .selectFrom('request_verifications')
        .select('failures')
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      const triesLeft = Math.max(0, MAX_FAILURES - Number(after.failures));
      await ctx.audit.append(tx, [
        {
          actor: `web:verification:${row.id}`,
          action: 'verification.fail',
          customerId: row.customer_id,
          clauses: ['REQUEST.WEB'],
          detail: { verificationId: row.id, triesLeft },
        },
      ]);
      return triesLeft === 0
        ? fail('verification.locked', 'too many wrong codes; start again', { triesLeft: 0 })
        : fail(
            'verification.wrong_code',
            `wrong code; ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left`,
            { triesLeft },
          );
    }
    const used = await db
      .updateTable('request_verifications')
      .set({ used_at: now })
      .where('id', '=', row.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (used.numUpdatedRows !== 1n)
      return fail('verification.not_found', 'no such verification, or its code was used');
    const customerId = row.customer_id!;
    const issued = await issueRequesterToken(tx, customerId, now);
    await ctx.audit.append(tx, [
      {
        actor: `web:verification:${row.id}`,
        action: 'verification.confirm',
        customerId,
        clauses: ['REQUEST.WEB'],
        detail: { verificationId: row.id, requesterToken: issued.id },
      },
    ]);
    return {
      ok: true,
      confirmed: { token: issued.token, expiresAt: new Date(issued.expiresAt).toISOString() },
    };
  });
  // Thrown after commit: a wrong code's count must stick.
  if (!outcome.ok) throw outcome.error;
  return outcome.confirmed;
}

function fail(code: ErrorCode, message: string, details?: Record<string, unknown>): Outcome {
  return { ok: false, error: new HogoError(code, message, details) };
}
