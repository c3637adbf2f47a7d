import { HogoError } from '../errors/index.ts';
import { type Principal, authorize } from '../security/index.ts';
import { holdView, type HoldView } from './hold-view.ts';
import type { RetentionContext } from './retention-context.ts';
import { retentionDb } from './retention-tables.ts';

/**
 * RETAIN.HOLD: releases a hold in force; the duties alone decide again. Audited as
 * 'hold.release'. Needs 'registry.write'; 'retention.not_found', 'retention.conflict'.
 */
export async function releaseHold(
  ctx: RetentionContext,
  principal: Principal,
  holdId: string,
): Promise<HoldView> {
  authorize(principal, 'registry.write');
  const now = ctx.clock();
  return ctx.store.db.transaction().execute(async (tx) => {
    const db = retentionDb(tx);
    const row = await db
      .selectFrom('legal_holds')
      .selectAll()
      .where('id', '=', holdId)
      .executeTakeFirst();
    if (row === undefined)
      throw new HogoError('retention.not_found', 'no such hold', { field: 'id' });
    if (row.released_at !== null)
      throw new HogoError('retention.conflict', 'the hold is already released', {
        field: 'id',
      });
    await db
      .updateTable('legal_holds')
      .set({ released_at: now, released_by: principal.id })
      .where('id', '=', holdId)
      .execute();
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'hold.release',
        customerId: row.customer_id,
        clauses: ['RETAIN.HOLD'],
        detail: { holdId },
      },
    ]);
    return holdView({ ...row, released_at: now, released_by: principal.id }, now);
  });
}
