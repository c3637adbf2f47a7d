import type { RegistryDeps } from './registry-deps.ts';
import { type Principal, authorize } from '../security/index.ts';
import { checkPurpose } from './check-purpose.ts';
import { newId } from './new-id.ts';
import { invalidField } from './normalize/invalid-field.ts';
import { normalizeInstant } from './normalize/normalize-instant.ts';
import type { SuspensionInput } from './registry-input.ts';
import { registryDb } from './registry-tables.ts';
import { requireCustomer } from './require-customer.ts';

/**
 * Records a granted suspension (REQUEST.SUSPEND_USE for the purposes named, or all law allows
 * when none; REQUEST.SUSPEND_PROVISION for provision to third parties), in force from `from`
 * until `until` (absent: until lifted). Every later decision honours it. Audited. Needs
 * 'registry.write'.
 */
export async function recordSuspension(
  ctx: RegistryDeps,
  principal: Principal,
  input: { readonly customerId: string; readonly suspension: SuspensionInput },
): Promise<{ readonly id: string }> {
  authorize(principal, 'registry.write');
  const s = input.suspension;
  if (s.kind !== 'use' && s.kind !== 'provision')
    throw invalidField('kind', 'must be use or provision');
  const from = normalizeInstant(s.from, 'from');
  const until = s.until === undefined ? null : normalizeInstant(s.until, 'until');
  if (until !== null && until < from) throw invalidField('until', 'must not be before from');
  return ctx.store.db.transaction().execute(async (tx) => {
    const customer = await requireCustomer(tx, input.customerId, principal);
    const purposes = s.purposes?.map((p, i) =>
      checkPurpose(ctx.policy, p, customer.customer_group, `purposes[${i}]`),
    );
    const id = newId();
    await registryDb(tx)
      .insertInto('suspensions')
      .values({
        id,
        customer_id: customer.id,
        kind: s.kind,
        purposes: purposes === undefined ? null : JSON.stringify(purposes),
        from_at: from,
        until_at: until,
        created_at: ctx.clock(),
      })
      .execute();
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'suspension.record',
        customerId: customer.id,
        clauses: [s.kind === 'use' ? 'REQUEST.SUSPEND_USE' : 'REQUEST.SUSPEND_PROVISION'],
        detail: { id, kind: s.kind, purposes: purposes ?? null, from, until },
      },
    ]);
    return { id };
  });
}
