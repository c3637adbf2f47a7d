import { HogoError } from '../../errors/index.ts';
import type { SecurityDeps } from '../security-deps.ts';
import { securityDb } from '../security-tables.ts';
import { hashSecret, SESSION_PREFIX } from '../users/secrets.ts';

/** Ends the session the token belongs to (signing out); its token is refused from now on. */
export async function endSession(deps: SecurityDeps, token: string, actor: string): Promise<void> {
  if (!token.startsWith(SESSION_PREFIX)) {
    throw new HogoError('session.invalid', 'the bearer token is not a session token');
  }
  await deps.store.db.transaction().execute(async (tx) => {
    const ended = await securityDb(tx)
      .updateTable('sessions')
      .set({ ended_at: deps.clock() })
      .where('token_hash', '=', hashSecret(token))
      .where('ended_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (ended !== undefined) {
      await deps.audit.append(tx, [
        { actor, action: 'session.end', detail: { sessionId: ended.id } },
      ]);
    }
  });
}
