import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { HogoError } from '../../errors/index.ts';
import { clientNetwork } from '../client-network.ts';
import type { SecurityDeps } from '../security-deps.ts';
import { securityDb } from '../security-tables.ts';

/** Failed sign-ins allowed per login name from one client network within the window. */
export const MAX_FAILURES = 5;
/** Failed sign-ins allowed from one client network within the window, under any names. */
export const MAX_NETWORK_FAILURES = 20;
export const FAILURE_WINDOW_MS = 15 * 60_000;

/** Where an attempt came from: its client address (an IPv6 address counts by its /64). */
export interface SignInClient {
  readonly ip: string;
}

/** Attempts made without an address (the CLI, tests) count as one network of their own. */
const NO_ADDRESS = 'local';

// The name is kept hashed: people type passwords into the name field by mistake; the network
// too, since an address can tell who a person is.
const nameKey = (name: string) => createHash('sha256').update(name, 'utf8').digest();
const networkKey = (client: SignInClient | undefined) =>
  createHash('sha256')
    .update(`network\u0000${client === undefined ? NO_ADDRESS : clientNetwork(client.ip)}`, 'utf8')
    .digest();

/**
 * Takes one sign-in attempt for the name from the client (SECURITY.6): refused with
 * 'auth.locked' when the name has failed too often lately from this client's network, or the
 * network has failed too often under any names; else counted as a failure before the password
 * is checked — so guesses sent at the same moment are counted one after the other (a lock per
 * network on PostgreSQL; SQLite has one writer) and no more than `MAX_FAILURES` per name and
 * network are ever checked. A name is locked only for the network that failed: five wrong
 * passwords sent by an outsider do not keep the staff member out from their own network. A
 * successful sign-in clears the name's count from that network (`clearFailures`). Failures
 * older than the window are deleted, under every name.
 */
export async function takeAttempt(
  deps: SecurityDeps,
  name: string,
  client?: SignInClient,
): Promise<void> {
  const key = nameKey(name);
  const network = networkKey(client);
  const now = deps.clock();
  const since = now - FAILURE_WINDOW_MS;
  await deps.store.db.transaction().execute(async (tx) => {
    if (deps.store.capabilities.concurrentWriters) {
      await sql`select pg_advisory_xact_lock(hashtext(${network.toString('hex')}))`.execute(tx);
    }
    const t = securityDb(tx);
    const recent = t
      .selectFrom('login_failures')
      .select([sql<number>`count(*)`.as('n'), sql<number>`min(at)`.as('oldest')])
      .where('network_hash', '=', network)
      .where('at', '>', since);
    const locked = (row: { n: number; oldest: number }, max: number) =>
      Number(row.n) >= max ? Math.max(1, Math.ceil((Number(row.oldest) - since) / 1000)) : 0;
    const byName = locked(
      await recent.where('name_hash', '=', key).executeTakeFirstOrThrow(),
      MAX_FAILURES,
    );
    if (byName > 0)
      throw new HogoError(
        'auth.locked',
        'too many failed sign-ins for this name from this network; try again later',
        { retryAfterSeconds: byName },
      );
    const byNetwork = locked(await recent.executeTakeFirstOrThrow(), MAX_NETWORK_FAILURES);
    if (byNetwork > 0)
      throw new HogoError(
        'auth.locked',
        'too many failed sign-ins from this network; try again later',
        { retryAfterSeconds: byNetwork },
      );
    await t
      .insertInto('login_failures')
      .values({ name_hash: key, network_hash: network, at: now })
      .execute();
    // Every name's failures past the window, not only this one's: failures under names
    // tried once (random names from one client) would otherwise be kept for ever.
    await t.deleteFrom('login_failures').where('at', '<=', since).execute();
  });
}

/** Forgets the name's failures from the client's network after a successful sign-in. */
export async function clearFailures(
  deps: SecurityDeps,
  name: string,
  client?: SignInClient,
): Promise<void> {
  await securityDb(deps.store.db)
    .deleteFrom('login_failures')
    .where('name_hash', '=', nameKey(name))
    .where('network_hash', '=', networkKey(client))
    .execute();
}
