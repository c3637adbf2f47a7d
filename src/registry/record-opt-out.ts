import type { RegistryDeps } from './registry-deps.ts';
import { HogoError } from '../errors/index.ts';
import { type Principal, authorize } from '../security/index.ts';
import { newId } from './new-id.ts';
import { normalizeInstant } from './normalize/normalize-instant.ts';
import type { OptOutInput } from './registry-input.ts';
import { registryDb } from './registry-tables.ts';
import { requireCustomer } from './require-customer.ts';

/**
 * ADS.OPT_OUT: records that the customer opted out of ad-platform use from `at`, or with
 * `withdraw` ends the opt-out in force ('registry.conflict' when there is none). Audited.
 * Needs 'registry.write'.
 */
export async function recordOptOut(
  ctx: RegistryDeps,
  principal: Principal,
  input: { readonly customerId: string; readonly optOut: OptOutInput },
): Promise<{ readonly id: string | null; readonly withdrawn: number }> {
  authorize(principal, 'registry.write');
  const at = normalizeInstant(input.optOut.at, 'at');
  return ctx.store.db.transaction().execute(async (tx) => {
    const customer = await requireCustomer(tx, input.customerId, principal);
    const db = registryDb(tx);
    let id: string | null = null;
    let withdrawn = 0;
    if (input.optOut.withdraw === true) {
      const r = await db
        .updateTable('ad_opt_outs')
        .set({ withdrawn_at: at })
        .where('customer_id', '=', customer.id)
        .where('withdrawn_at', 'is', null)
        .executeTakeFirst();
      withdrawn = Number(r.numUpdatedRows);
      if (withdrawn === 0) {
        throw new HogoError('registry.conflict', 'no opt-out is in force', { field: 'withdraw' });
      }
    } else {
      id = newId();
      await db
        .insertInto('ad_opt_outs')
        .values({ id, customer_id: customer.id, at, withdrawn_at: null, created_at: ctx.clock() })
        .execute();
    }
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: withdrawn > 0 ? 'optOut.withdraw' : 'optOut.record',
        customerId: customer.id,
        clauses: ['ADS.OPT_OUT'],
        detail: { at },
      },
    ]);
    return { id, withdrawn };
  });
}
