import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { HogoError } from '../../http/http-error.ts';
import type { SecurityDeps } from '../security-deps.ts';
import { securityDb } from '../security-tables.ts';

/** Failed sign-ins allowed per login name within the window before it is locked. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;

// The name is kept hashed: people type passwords into the name field by mistake.
const nameKey = (name: string) => createHash('sha256').update(name, 'utf8').digest();

/** Throws HogoError 'auth.locked' when the name has failed too often lately (SECURITY.6). */
export async function assertNotLocked(deps: SecurityDeps, name: string): Promise<void> {
  const since = deps.clock() - FAILURE_WINDOW_MS;
  const row = await securityDb(deps.store.db)
    .selectFrom('login_failures')
    .select([sql<number>`count(*)`.as('n'), sql<number>`min(at)`.as('oldest')])
    .where('name_hash', '=', nameKey(name))
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(row.n) >= MAX_FAILURES) {
    const retryAfterSeconds = Math.ceil((Number(row.oldest) - since) / 1000);
    throw new HogoError('auth.locked', 'too many failed sign-ins for this name; try again later', {
      retryAfterSeconds,
    });
  }
}

/** Records a failed sign-in and forgets this name's failures older than the window. */
export async function recordFailure(deps: SecurityDeps, name: string): Promise<void> {
  const key = nameKey(name);
  const now = deps.clock();
  await deps.store.db.transaction().execute(async (tx) => {
    const t = securityDb(tx);
    await t.insertInto('login_failures').values({ name_hash: key, at: now }).execute();
    await t
      .deleteFrom('login_failures')
      .where('name_hash', '=', key)
      .where('at', '<=', now - FAILURE_WINDOW_MS)
      .execute();
  });
}

/** Forgets the name's failures after a successful sign-in. */
export async function clearFailures(deps: SecurityDeps, name: string): Promise<void> {
  await securityDb(deps.store.db)
    .deleteFrom('login_failures')
    .where('name_hash', '=', nameKey(name))
    .execute();
}
