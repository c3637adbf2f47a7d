import type { RegistryDeps } from './registry-deps.ts';
import { type Principal, authorize } from '../security/index.ts';
import { insertRows } from './insert-rows.ts';
import { itemRow, recordingRow } from './item-rows.ts';
import { throwProblems } from './normalize/field-problems.ts';
import type { FieldProblem } from './normalize/invalid-field.ts';
import { prepareItem } from './prepare-item.ts';
import type { ItemInput } from './registry-input.ts';
import { registryDb } from './registry-tables.ts';
import { requireCustomer } from './require-customer.ts';
import { requirePriorConsent, SENSITIVE_CATEGORY } from './sensitive-consent.ts';

/**
 * Adds an item to a customer (OBTAIN): normalized, encrypted, with channel, source and the
 * policy version at acquisition; audited as 'item.add'. `item.service` names one of the
 * customer's services. A sensitive item needs a prior consent on record (OBTAIN.SENSITIVE,
 * `requirePriorConsent`). Needs 'registry.write'.
 */
export async function addItem(
  ctx: RegistryDeps,
  principal: Principal,
  input: { readonly customerId: string; readonly item: ItemInput },
): Promise<{ readonly itemId: string }> {
  authorize(principal, 'registry.write');
  return ctx.store.db.transaction().execute(async (tx) => {
    const customer = await requireCustomer(tx, input.customerId, principal);
    const db = registryDb(tx);
    const services = await db
      .selectFrom('services')
      .select(['id', 'name', 'started_at as startedAt'])
      .where('customer_id', '=', customer.id)
      .execute();
    const problems: FieldProblem[] = [];
    const item = prepareItem(ctx.policy, input.item, '', services, problems, ctx.clock());
    throwProblems(problems);
    if (item!.category === SENSITIVE_CATEGORY)
      await requirePriorConsent(tx, customer.id, item!.acquiredAt, 'category');
    const cipher = (await ctx.keys.ciphersFor(tx, [customer.id])).get(customer.id)!;
    const now = ctx.clock();
    const row = itemRow(item!, {
      customerId: customer.id,
      cipher,
      keys: ctx.keys,
      now,
      actor: principal.id,
    });
    await db.insertInto('items').values(row).execute();
    const recording = recordingRow(item!);
    await insertRows(db, ctx.store.capabilities, 'call_recordings', recording ? [recording] : []);
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'item.add',
        customerId: customer.id,
        itemIds: [row.id],
        detail: { category: row.category, channel: row.channel, source: row.source },
      },
    ]);
    return { itemId: row.id };
  });
}
