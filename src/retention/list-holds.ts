import type { Kysely } from 'kysely';
import { contractFacts } from '../registry/index.ts';
import { type Principal, authorize } from '../security/index.ts';
import { holdView, isActive, type HoldView } from './hold-view.ts';
import type { RetentionContext } from './retention-context.ts';
import { retentionDb } from './retention-tables.ts';
import type { RetentionHold } from '../policy/index.ts';

/** Every hold ever placed on a customer, newest first. Needs 'registry.read'. */
export async function listHolds(
  ctx: RetentionContext,
  principal: Principal,
  customerId: string,
): Promise<HoldView[]> {
  authorize(principal, 'registry.read');
  await contractFacts(ctx, principal, customerId);
  const now = ctx.clock();
  const rows = await retentionDb(ctx.store.db)
    .selectFrom('legal_holds')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('placed_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => holdView(r, now));
}

/** The holds in force on a customer at `now`, as retention reads them. */
export async function activeHolds(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  customerId: string,
  now: number,
): Promise<RetentionHold[]> {
  const rows = await retentionDb(db)
    .selectFrom('legal_holds')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('released_at', 'is', null)
    .execute();
  return rows
    .filter((r) => isActive(r, now))
    .map((r) => ({ id: r.id, until: r.until_at === null ? null : Number(r.until_at) }));
}
