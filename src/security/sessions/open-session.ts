import { HogoError } from '../../errors/index.ts';
import type { SecurityDeps } from '../security-deps.ts';
import { securityDb } from '../security-tables.ts';
import { verifyPassword } from '../users/password-hash.ts';
import { hashSecret, newId, newSecret, SESSION_PREFIX } from '../users/secrets.ts';
import { userView, type UserView } from '../users/user-view.ts';
import { clearFailures, type SignInClient, takeAttempt } from './login-throttle.ts';

/** How long a session lasts: one working day. */
export const SESSION_TTL_MS = 12 * 3_600_000;

/** A session opened: its bearer token (shown once), expiry and user. */
export interface OpenedSession {
  readonly token: string;
  readonly expiresAt: number;
  readonly user: UserView;
}

/**
 * Signs a staff user in with name and password (SECURITY.6). Refuses with
 * 'auth.unauthenticated' without saying whether the name or the password was wrong, and with
 * 'auth.locked' after too many failures for the name from the client's network, or from that
 * network under any names (`takeAttempt`). Audited as 'session.open'.
 */
export async function openSession(
  deps: SecurityDeps,
  name: string,
  password: string,
  client?: SignInClient,
): Promise<OpenedSession> {
  // Counted as a failure until the password proves right: concurrent guesses cannot slip past.
  await takeAttempt(deps, name, client);
  const row = await securityDb(deps.store.db)
    .selectFrom('users')
    .selectAll()
    .where('name', '=', name)
    .executeTakeFirst();
  const ok = await verifyPassword(row?.password_hash, password);
  if (!ok || row === undefined || row.disabled === 1) {
    throw new HogoError('auth.unauthenticated', 'wrong name or password');
  }
  await clearFailures(deps, name, client);
  const token = newSecret(SESSION_PREFIX);
  const now = deps.clock();
  const session = {
    id: newId('ses_'),
    user_id: row.id,
    token_hash: hashSecret(token),
    created_at: now,
    expires_at: now + SESSION_TTL_MS,
    ended_at: null,
  };
  await deps.store.db.transaction().execute(async (tx) => {
    await securityDb(tx).insertInto('sessions').values(session).execute();
    await deps.audit.append(tx, [
      { actor: row.id, action: 'session.open', detail: { sessionId: session.id } },
    ]);
  });
  return { token, expiresAt: session.expires_at, user: userView(row) };
}
