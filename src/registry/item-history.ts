import type { RegistryDeps } from './registry-deps.ts';
import { type AuditEvent, type Principal, authorize, inScope } from '../security/index.ts';
import { itemView, type ItemView } from './item-view.ts';
import { decideRead, requireReadReason, type ReadReason } from './read-purpose.ts';
import { registryDb } from './registry-tables.ts';
import { notFound, requireCustomer } from './require-customer.ts';
import { itemContext } from './value-contexts.ts';
import { valueReader } from './value-reader.ts';

/**
 * Every version of an item, oldest first (REQUEST.AMENDMENT leaves the old value on record);
 * values as `readCustomer` shows them, audited as 'item.history' and 'item.readValue' (with
 * the purpose). Reading the values is a use of the item's current version for the purpose
 * named, decided by the policy ('registry.read_denied' with the clauses when denied; an item
 * with no current version, erased or expired, has no value to read). Needs 'registry.read'.
 */
export async function itemHistory(
  ctx: RegistryDeps,
  principal: Principal,
  input: ReadReason & { readonly itemId: string; readonly values?: boolean },
): Promise<ItemView[]> {
  authorize(principal, 'registry.read');
  const reads = requireReadReason(principal, input.values !== false, input);
  const result = await ctx.store.db.transaction().execute(async (tx) => {
    const db = registryDb(tx);
    const named = await db
      .selectFrom('items')
      .select(['origin_id', 'customer_id'])
      .where('id', '=', input.itemId)
      .executeTakeFirst();
    if (named === undefined) throw notFound('item', 'itemId');
    await requireCustomer(tx, named.customer_id, principal);
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
    const reader = await valueReader(tx, ctx.keys, principal, named.customer_id, reads);
    const current = versions.find((v) => v.superseded_at === null);
    const decision =
      reads && current !== undefined && inScope(principal, current.category)
        ? await decideRead(ctx, tx, principal, named.customer_id, [current.id], input)
        : null;
    if (decision?.refusal) return { refusal: decision.refusal };
    const permitted = decision !== null && decision.permitted.size > 0;
    const read: string[] = [];
    const views = versions.map((row) => {
      const value = permitted
        ? reader.read(row.category, row.value, itemContext(row.id))
        : undefined;
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
        ...(decision !== null ? { detail: decision.detail } : {}),
      });
    }
    await ctx.audit.append(tx, events);
    return { views };
  });
  // Thrown after the commit, so that the decision which refused the read stays audited.
  if ('refusal' in result) throw result.refusal;
  return result.views;
}
