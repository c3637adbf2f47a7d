import { randomUUID } from 'node:crypto';
import { HogoError } from '../errors/index.ts';
import { contractFacts } from '../registry/index.ts';
import { type Principal, authorize } from '../security/index.ts';
import type { HoldInput } from './hold-input.ts';
import { holdView, type HoldView } from './hold-view.ts';
import type { RetentionContext } from './retention-context.ts';
import { retentionDb } from './retention-tables.ts';

/**
 * RETAIN.HOLD: places a legal hold on a customer (who placed it, why, until when): from now no
 * deletion erases anything of theirs and no purge touches them. Audited as 'hold.place'.
 * Needs 'registry.write'.
 */
export async function placeHold(
  ctx: RetentionContext,
  principal: Principal,
  input: { readonly customerId: string } & HoldInput,
): Promise<HoldView> {
  authorize(principal, 'registry.write');
  const now = ctx.clock();
  const until = input.until === undefined ? null : Date.parse(input.until);
  if (until !== null && !(until > now))
    throw new HogoError('retention.invalid_hold', 'a hold must end in the future', {
      field: 'until',
    });
  return ctx.store.db.transaction().execute(async (tx) => {
    await contractFacts({ ...ctx, store: { ...ctx.store, db: tx } }, principal, input.customerId);
    const row = {
      id: `hold_${randomUUID()}`,
      customer_id: input.customerId,
      reason: input.reason,
      reference: input.reference ?? null,
      placed_by: principal.id,
      placed_at: now,
      until_at: until,
      released_at: null,
      released_by: null,
    };
    await retentionDb(tx).insertInto('legal_holds').values(row).execute();
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'hold.place',
        customerId: input.customerId,
        clauses: ['RETAIN.HOLD'],
        detail: { holdId: row.id, reason: row.reason, until: row.until_at },
      },
    ]);
    return holdView(row, now);
  });
}
