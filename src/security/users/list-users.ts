import type { SecurityDeps } from '../security-deps.ts';
import { securityDb } from '../security-tables.ts';
import { userView, type UserView } from './user-view.ts';

/** Every staff user, by name. */
export async function listUsers(deps: Pick<SecurityDeps, 'store'>): Promise<UserView[]> {
  const rows = await securityDb(deps.store.db)
    .selectFrom('users')
    .selectAll()
    .orderBy('name')
    .execute();
  return rows.map(userView);
}
