import type { SecurityDeps } from '../security-deps.ts';
import type { Principal } from '../principal.ts';
import { securityDb } from '../security-tables.ts';

/**
 * Ends the requester token the customer signed in with (REQUEST.WEB): the next request bearing
 * it is refused, as if it had expired — what "sign out" must mean on a shared computer.
 * Audited as 'requester.signOut'.
 */
export async function endRequesterToken(deps: SecurityDeps, principal: Principal): Promise<void> {
  const id = principal.id.startsWith('requester:') ? principal.id.slice('requester:'.length) : null;
  if (id === null) return;
  await deps.store.db.transaction().execute(async (tx) => {
    await securityDb(tx)
      .updateTable('requester_tokens')
      .set({ ended_at: deps.clock() })
      .where('id', '=', id)
      .where('ended_at', 'is', null)
      .execute();
    await deps.audit.append(tx, [
      {
        actor: principal.id,
        action: 'requester.signOut',
        ...(principal.customerId !== undefined ? { customerId: principal.customerId } : {}),
      },
    ]);
  });
}
