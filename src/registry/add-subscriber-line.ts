import type { RegistryDeps } from './registry-deps.ts';
import { type Principal, authorize } from '../security/index.ts';
import { prepareLine } from './prepare-customer.ts';
import type { SubscriberLineInput } from './registry-input.ts';
import { registryDb } from './registry-tables.ts';
import { requireCustomer } from './require-customer.ts';
import { lineContext } from './value-contexts.ts';

/**
 * Adds a subscriber line (REQUEST.FEE counts disclosures per line): its number in E.164,
 * encrypted, with a blind index for lookups. Audited as 'subscriberLine.add'. Needs 'registry.write'.
 */
export async function addSubscriberLine(
  ctx: RegistryDeps,
  principal: Principal,
  input: { readonly customerId: string; readonly line: SubscriberLineInput },
): Promise<{ readonly id: string }> {
  authorize(principal, 'registry.write');
  const line = prepareLine(input.line.number, 'number');
  return ctx.store.db.transaction().execute(async (tx) => {
    const customer = await requireCustomer(tx, input.customerId, principal);
    const cipher = (await ctx.keys.ciphersFor(tx, [customer.id])).get(customer.id)!;
    await registryDb(tx)
      .insertInto('subscriber_lines')
      .values({
        id: line.id,
        customer_id: customer.id,
        number_index: ctx.keys.blindIndex('phone', line.number),
        number: cipher.encrypt(line.number, lineContext(line.id)),
        created_at: ctx.clock(),
        ended_at: null,
      })
      .execute();
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'subscriberLine.add',
        customerId: customer.id,
        detail: { id: line.id },
      },
    ]);
    return { id: line.id };
  });
}
