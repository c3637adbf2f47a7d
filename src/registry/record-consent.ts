import type { RegistryDeps } from './registry-deps.ts';
import { HogoError } from '../errors/index.ts';
import { type Principal, authorize } from '../security/index.ts';
import { checkPurpose } from './check-purpose.ts';
import { newId } from './new-id.ts';
import { normalizeInstant } from './normalize/normalize-instant.ts';
import { requirePast } from './normalize/past-instant.ts';
import type { ConsentInput } from './registry-input.ts';
import { registryDb } from './registry-tables.ts';
import { requireCustomer } from './require-customer.ts';

/**
 * Records a customer's consent to a purpose (PURPOSE.NOTIFIED: a later consent lets a purpose
 * bind items acquired before it was notified), or with `withdraw` ends the consents in force
 * for that purpose ('registry.conflict' when there is none). Audited. Needs 'registry.write'.
 */
export async function recordConsent(
  ctx: RegistryDeps,
  principal: Principal,
  input: { readonly customerId: string; readonly consent: ConsentInput },
): Promise<{ readonly id: string | null; readonly withdrawn: number }> {
  authorize(principal, 'registry.write');
  const at = requirePast(normalizeInstant(input.consent.at, 'at'), ctx.clock(), 'at');
  return ctx.store.db.transaction().execute(async (tx) => {
    const customer = await requireCustomer(tx, input.customerId, principal);
    const purpose = checkPurpose(
      ctx.policy,
      input.consent.purpose,
      customer.customer_group,
      'purpose',
    );
    const db = registryDb(tx);
    let id: string | null = null;
    let withdrawn = 0;
    if (input.consent.withdraw === true) {
      const r = await db
        .updateTable('consents')
        .set({ withdrawn_at: at })
        .where('customer_id', '=', customer.id)
        .where('purpose', '=', purpose)
        .where('withdrawn_at', 'is', null)
        .executeTakeFirst();
      withdrawn = Number(r.numUpdatedRows);
      if (withdrawn === 0) {
        throw new HogoError('registry.conflict', 'no consent to this purpose is in force', {
          field: 'purpose',
        });
      }
    } else {
      id = newId();
      await db
        .insertInto('consents')
        .values({
          id,
          customer_id: customer.id,
          purpose,
          at,
          withdrawn_at: null,
          created_at: ctx.clock(),
        })
        .execute();
    }
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: withdrawn > 0 ? 'consent.withdraw' : 'consent.record',
        customerId: customer.id,
        clauses: ['PURPOSE.NOTIFIED'],
        detail: { purpose, at },
      },
    ]);
    return { id, withdrawn };
  });
}
