import { checkScopeNames } from './check-scope-names.ts';
import { HogoError } from '../../errors/index.ts';
import { isRoleName } from '../principal.ts';
import type { SecurityDeps } from '../security-deps.ts';
import { securityDb } from '../security-tables.ts';
import { hashPassword } from './password-hash.ts';
import { encodeScopeList } from './scope-codec.ts';
import { newId, newPassword } from './secrets.ts';
import { userView, type UserView } from './user-view.ts';

/** What makes a staff user; the password is generated, never chosen by the creator. */
export interface NewUser {
  readonly name: string;
  readonly role: string;
  /** Item categories whose values the user may read (SECURITY.6); all when absent. */
  readonly categories?: 'all' | readonly string[];
  readonly purposes?: 'all' | readonly string[];
  /** The customer groups it may touch (SECURITY.6); all when absent. */
  readonly groups?: 'all' | readonly string[];
}

/** Login names: lower-case, so 'Admin' and 'admin' cannot be two users. */
export const LOGIN_NAME = /^[a-z][a-z0-9._-]{0,63}$/;

/**
 * Creates a staff user with a random password, returned once (SECURITY.3: every person who
 * handles personal information is named and holds a defined role). Audited as 'users.create'.
 */
export async function createUser(
  deps: SecurityDeps,
  input: NewUser,
  actor: string,
): Promise<{ readonly user: UserView; readonly password: string }> {
  if (!LOGIN_NAME.test(input.name)) {
    throw new HogoError(
      'users.invalid_name',
      'a login name is 1–64 of a-z 0-9 . _ - and starts with a letter',
      { path: 'name' },
    );
  }
  if (!isRoleName(input.role)) {
    throw new HogoError('users.invalid_role', `no role '${input.role}'`, { path: 'role' });
  }
  checkScopeNames(deps.policy, input);
  const password = newPassword();
  const row = {
    id: newId('usr_'),
    name: input.name,
    role: input.role,
    scope_categories: encodeScopeList(input.categories),
    scope_purposes: encodeScopeList(input.purposes),
    scope_groups: encodeScopeList(input.groups),
    password_hash: await hashPassword(password),
    disabled: 0,
    created_at: deps.clock(),
  };
  await deps.store.db.transaction().execute(async (tx) => {
    const inserted = await securityDb(tx)
      .insertInto('users')
      .values(row)
      .onConflict((oc) => oc.column('name').doNothing())
      .returning('id')
      .execute();
    if (inserted.length === 0) {
      throw new HogoError('users.conflict', `a user named '${input.name}' exists`, {
        path: 'name',
      });
    }
    await deps.audit.append(tx, [
      { actor, action: 'users.create', detail: { userId: row.id, role: row.role } },
    ]);
  });
  return { user: userView(row), password };
}
