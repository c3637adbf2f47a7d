import type { Kysely } from 'kysely';
import type { RequestDeps } from './request-deps.ts';
import { joinTransaction } from '../store/index.ts';
import type { Principal } from '../security/index.ts';
import type { CustomerRequest } from './customer-request.ts';
import { requireRequest } from './require-request.ts';

/**
 * Runs `fn` in one transaction on the request `requestId` ('requests.not_found' if none, or if
 * its customer is outside the principal's customer groups), its row locked for the transaction.
 * `inTx` is the context whose store joins that transaction, so the registry's use cases
 * (which open their own) commit or roll back together with the request's transition.
 */
export async function onRequest<T>(
  ctx: RequestDeps,
  principal: Principal,
  requestId: string,
  fn: (
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    tx: Kysely<any>,
    request: CustomerRequest,
    inTx: RequestDeps,
  ) => Promise<T>,
): Promise<T> {
  return ctx.store.db.transaction().execute(async (tx) => {
    // PostgreSQL runs transactions side by side: the request's row is locked first, so a
    // second step on it waits, then reads the state the first left and is refused (409) by
    // the transition table, instead of failing on a duplicate key (a package, an event's seq).
    // SQLite has one writer at a time already.
    const request = await requireRequest(tx, requestId, {
      lock: ctx.store.capabilities.concurrentWriters,
      principal,
    });
    const inTx: RequestDeps = { ...ctx, store: { ...ctx.store, db: joinTransaction(tx) } };
    return fn(tx, request, inTx);
  });
}
