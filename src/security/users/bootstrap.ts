import { HogoError } from '../../errors/index.ts';
import type { SecurityDeps } from '../security-deps.ts';
import { securityDb } from '../security-tables.ts';
import { createUser } from './create-user.ts';

/** The first user's login name. */
export const BOOTSTRAP_USER = 'admin';

/**
 * On a store with no user, creates `admin` (privacyOfficer, scope all) with a random password
 * and returns it, to be shown once; no default password is shared between installations.
 * Returns undefined when a user exists (or another process created the first one meanwhile).
 */
export async function bootstrap(
  deps: SecurityDeps,
): Promise<{ readonly name: string; readonly password: string } | undefined> {
  const any = await securityDb(deps.store.db)
    .selectFrom('users')
    .select('id')
    .limit(1)
    .executeTakeFirst();
  if (any !== undefined) return undefined;
  try {
    const { password } = await createUser(
      deps,
      { name: BOOTSTRAP_USER, role: 'privacyOfficer', categories: 'all', purposes: 'all' },
      'system',
    );
    return { name: BOOTSTRAP_USER, password };
  } catch (e) {
    if (e instanceof HogoError && e.code === 'users.conflict') return undefined;
    throw e;
  }
}
