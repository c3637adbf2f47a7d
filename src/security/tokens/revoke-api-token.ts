import { HogoError } from '../../errors/index.ts';
import type { SecurityDeps } from '../security-deps.ts';
import { securityDb } from '../security-tables.ts';
import type { Principal } from '../principal.ts';
import { checkActsWithin } from '../users/check-acts-within.ts';

/**
 * Revokes an API token at once: the next request bearing it is refused. Audited. With the
 * actor's principal, a token of wider scope than theirs is refused (SECURITY.6).
 */
export async function revokeApiToken(
  deps: SecurityDeps,
  id: string,
  actor: string,
  actorPrincipal?: Principal,
): Promise<void> {
  await deps.store.db.transaction().execute(async (tx) => {
    const token = await securityDb(tx)
      .selectFrom('api_tokens')
      .select(['scope_categories', 'scope_purposes', 'scope_groups'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (token !== undefined) checkActsWithin(actorPrincipal, token, `token ${id}`);
    const result = await securityDb(tx)
      .updateTable('api_tokens')
      .set({ revoked_at: deps.clock() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) {
      throw new HogoError('tokens.not_found', `no active token ${id}`);
    }
    await deps.audit.append(tx, [{ actor, action: 'tokens.revoke', detail: { tokenId: id } }]);
  });
}
