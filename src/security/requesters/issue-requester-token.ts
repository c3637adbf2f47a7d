import type { Kysely } from 'kysely';
import { securityDb } from '../security-tables.ts';
import { hashSecret, newId, newSecret, REQUESTER_PREFIX } from '../users/secrets.ts';

/** How long a requester token lasts (REQUEST.WEB): long enough to file and follow a request. */
export const REQUESTER_TOKEN_TTL_MS = 30 * 60_000;

/** A requester token issued: the bearer secret (shown once) and when it expires. */
export interface IssuedRequesterToken {
  readonly id: string;
  readonly token: string;
  readonly expiresAt: number;
}

/**
 * Issues a bearer token bound to one customer, inside the caller's transaction `db` (the
 * one-time code is marked used in the same commit). Only its SHA-256 is stored. The caller
 * audits the issue.
 */
export async function issueRequesterToken(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  customerId: string,
  now: number,
): Promise<IssuedRequesterToken> {
  const token = newSecret(REQUESTER_PREFIX);
  const row = {
    id: newId('req_'),
    customer_id: customerId,
    token_hash: hashSecret(token),
    created_at: now,
    expires_at: now + REQUESTER_TOKEN_TTL_MS,
  };
  await securityDb(db).insertInto('requester_tokens').values(row).execute();
  return { id: row.id, token, expiresAt: row.expires_at };
}
