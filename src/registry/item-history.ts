import type { RegistryDeps } from './registry-deps.ts';
import { type AuditEvent, type Principal, authorize } from '../security/index.ts';
import { itemView, type ItemView } from './item-view.ts';
import { registryDb } from './registry-tables.ts';
import { notFound, requireCustomer } from './require-customer.ts';
import { itemContext } from './value-contexts.ts';
import { valueReader } from './value-reader.ts';

/**
 * Every version of an item, oldest first (REQUEST.AMENDMENT leaves the old value on record);
 * values as `readCustomer` shows them, audited as 'item.history' and 'item.readValue'.
 * Needs 'registry.read'.
 */
export async function itemHistory(
  ctx: RegistryDeps,
  principal: Principal,
  input: { readonly itemId: string; readonly values?: boolean },
): Promise<ItemView[]> {
  authorize(principal, 'registry.read');
  return ctx.store.db.transaction().execute(async (tx) => {
    const db = registryDb(tx);
    const named = await db
      .selectFrom('items')
      .select(['origin_id', 'customer_id'])
      .where('id', '=', input.itemId)
      .executeTakeFirst();
    if (named === undefined) throw notFound('item', 'itemId');
    await requireCustomer(tx, named.customer_id);
    const versions = await db
      .selectFrom('items')
      .selectAll()
      .where('origin_id', '=', named.origin_id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const recordings = await db
      .selectFrom('call_recordings')
      .selectAll()
      .where(
        'item_id',
        'in',
        versions.map((v) => v.id),
      )
      .execute();
    const byItem = new Map(recordings.map((r) => [r.item_id, r]));
    const reader = await valueReader(
      tx,
      ctx.keys,
      principal,
      named.customer_id,
      input.values !== false,
    );
    const read: string[] = [];
    const views = versions.map((row) => {
      const value = reader.read(row.category, row.value, itemContext(row.id));
      if (value !== undefined) read.push(row.id);
      return itemView(row, value, byItem.get(row.id));
    });
    const ids = versions.map((v) => v.id);
    const events: AuditEvent[] = [
      { actor: principal.id, action: 'item.history', customerId: named.customer_id, itemIds: ids },
    ];
    if (read.length > 0) {
      events.push({
        actor: principal.id,
        action: 'item.readValue',
        customerId: named.customer_id,
        itemIds: read,
      });
    }
    await ctx.audit.append(tx, events);
    return views;
  });
}
