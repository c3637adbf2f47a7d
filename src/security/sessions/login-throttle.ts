import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { HogoError } from '../../errors/index.ts';
import type { SecurityDeps } from '../security-deps.ts';
import { securityDb } from '../security-tables.ts';

/** Failed sign-ins allowed per login name within the window before it is locked. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;

// The name is kept hashed: people type passwords into the name field by mistake.
const nameKey = (name: string) => createHash('sha256').update(name, 'utf8').digest();

/**
 * Takes one sign-in attempt for the name (SECURITY.6): refused with 'auth.locked' when the name
 * has failed too often lately, else counted as a failure before the password is checked — so
 * guesses sent at the same moment are counted one after the other (a lock per name on
 * PostgreSQL; SQLite has one writer) and no more than `MAX_FAILURES` are ever checked. A
 * successful sign-in clears the count (`clearFailures`). Failures older than the window are
 * deleted, under every name.
 */
export async function takeAttempt(deps: SecurityDeps, name: string): Promise<void> {
  const key = nameKey(name);
  const now = deps.clock();
  const since = now - FAILURE_WINDOW_MS;
  await deps.store.db.transaction().execute(async (tx) => {
    if (deps.store.capabilities.concurrentWriters) {
      await sql`select pg_advisory_xact_lock(hashtext(${key.toString('hex')}))`.execute(tx);
    }
    const t = securityDb(tx);
    const row = await t
      .selectFrom('login_failures')
      .select([sql<number>`count(*)`.as('n'), sql<number>`min(at)`.as('oldest')])
      .where('name_hash', '=', key)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    if (Number(row.n) >= MAX_FAILURES) {
      const retryAfterSeconds = Math.ceil((Number(row.oldest) - since) / 1000);
      throw new HogoError(
        'auth.locked',
        'too many failed sign-ins for this name; try again later',
        {
          retryAfterSeconds,
        },
      );
    }
    await t.insertInto('login_failures').values({ name_hash: key, at: now }).execute();
    // Every name's failures past the window, not only this one's: failures under names
    // tried once (random names from one client) would otherwise be kept for ever.
    await t.deleteFrom('login_failures').where('at', '<=', since).execute();
  });
}

/** Forgets the name's failures after a successful sign-in. */
export async function clearFailures(deps: SecurityDeps, name: string): Promise<void> {
  await securityDb(deps.store.db)
    .deleteFrom('login_failures')
    .where('name_hash', '=', nameKey(name))
    .execute();
}
