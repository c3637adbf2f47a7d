import { HogoError } from '../../errors/index.ts';
import type { SecurityDeps } from '../security-deps.ts';
import { securityDb } from '../security-tables.ts';

/** Revokes an API token at once: the next request bearing it is refused. Audited. */
export async function revokeApiToken(deps: SecurityDeps, id: string, actor: string): Promise<void> {
  await deps.store.db.transaction().execute(async (tx) => {
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
