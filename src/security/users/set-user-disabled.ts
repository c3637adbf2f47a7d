import { HogoError } from '../../errors/index.ts';
import type { SecurityDeps } from '../security-deps.ts';
import { securityDb } from '../security-tables.ts';
import { userView, type UserView } from './user-view.ts';
import type { Principal } from '../principal.ts';
import { checkActsWithin } from './check-acts-within.ts';

/**
 * Disables a staff user (SECURITY.3: someone who left, or whose password leaked) — their open
 * sessions end at once and they cannot sign in — or enables them again. No one disables
 * themselves (the last officer could lock everyone out). Audited as 'users.disable' or
 * 'users.enable'.
 */
export async function setUserDisabled(
  deps: SecurityDeps,
  input: { readonly userId: string; readonly disabled: boolean },
  actor: string,
  actorPrincipal?: Principal,
): Promise<UserView> {
  if (input.disabled && input.userId === actor) {
    throw new HogoError('users.invalid_self', 'you cannot disable yourself', { path: 'disabled' });
  }
  return deps.store.db.transaction().execute(async (tx) => {
    const t = securityDb(tx);
    const user = await t
      .selectFrom('users')
      .selectAll()
      .where('id', '=', input.userId)
      .executeTakeFirst();
    if (user === undefined) throw new HogoError('users.not_found', `no user ${input.userId}`);
    checkActsWithin(actorPrincipal, user, `user ${user.name}`);
    const now = deps.clock();
    await t
      .updateTable('users')
      .set({ disabled: input.disabled ? 1 : 0 })
      .where('id', '=', user.id)
      .execute();
    let ended = 0;
    if (input.disabled) {
      const result = await t
        .updateTable('sessions')
        .set({ ended_at: now })
        .where('user_id', '=', user.id)
        .where('ended_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      ended = Number(result.numUpdatedRows);
    }
    await deps.audit.append(tx, [
      {
        actor,
        action: input.disabled ? 'users.disable' : 'users.enable',
        detail: { userId: user.id, sessionsEnded: ended },
      },
    ]);
    return userView({ ...user, disabled: input.disabled ? 1 : 0 });
  });
}
