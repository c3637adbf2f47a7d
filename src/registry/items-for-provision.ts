import type { Kysely } from 'kysely';
import type { RegistryDeps } from './registry-deps.ts';
import { type AuditEvent, can, inScope, type Principal } from '../security/index.ts';
import { registryDb } from './registry-tables.ts';
import { notExpiredRecording } from './recording-retention.ts';
import { itemContext } from './value-contexts.ts';
import { groupFilter } from './group-scope.ts';

/** A current item of a customer, as a provision needs it: ids, category, claims assignee. */
export interface ProvisionItem {
  readonly id: string;
  readonly customerId: string;
  /** PURPOSE: the customer's group ('REG' or 'OTH'). */
  readonly group: string;
  readonly category: string;
  /** PROVIDE.CLAIMS: who the claims of the item's service are assigned to, if anyone. */
  readonly claimsAssignee: string | null;
  /** The decrypted value, only when asked for and allowed. */
  readonly value?: string;
}

/** What `itemsForProvision` selects. */
export interface ProvisionItemsQuery {
  readonly customerIds: readonly string[];
  /** Only these categories (default all). */
  readonly categories?: readonly string[];
  /** Only these items (default all current items). */
  readonly itemIds?: readonly string[];
  /** Decrypt the values (an ad export hashes them). */
  readonly values: boolean;
  /**
   * What the read serves, for its audit entry: the provision's purpose, or the legal ground of
   * a provision required by law (PROVIDE.AUTHORITY), each decided by the provision slice.
   */
  readonly reason?: { readonly purpose: string } | { readonly basis: string };
}

/**
 * The current items of visible customers for a provision, inside the caller's transaction.
 * Values are decrypted only with 'registry.readValues' or 'provision.export' and a category in
 * scope (SECURITY.6); each customer whose values were read is audited ('item.readValue').
 */
export async function itemsForProvision(
  ctx: RegistryDeps,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  principal: Principal,
  query: ProvisionItemsQuery,
): Promise<ProvisionItem[]> {
  if (query.customerIds.length === 0) return [];
  let q = registryDb(tx)
    .selectFrom('items')
    .innerJoin('customers', 'customers.id', 'items.customer_id')
    .leftJoin('services', 'services.id', 'items.service_id')
    .select([
      'items.id',
      'items.customer_id',
      'customers.customer_group',
      'items.category',
      'items.value',
      'services.claims_assignee',
    ])
    .where('items.customer_id', 'in', query.customerIds)
    .where('customers.deleted_at', 'is', null)
    // SECURITY.6: a customer outside the principal's groups is provided nothing (no items).
    .$if(groupFilter(principal) !== 'all', (q) =>
      q.where('customers.customer_group', 'in', groupFilter(principal) as readonly string[]),
    )
    .where('items.superseded_at', 'is', null)
    .where(notExpiredRecording(ctx.clock()));
  if (query.categories !== undefined) q = q.where('items.category', 'in', query.categories);
  if (query.itemIds !== undefined) q = q.where('items.id', 'in', query.itemIds);
  const rows = await q.orderBy('items.customer_id').orderBy('items.id').execute();
  const allowed =
    query.values && (can(principal, 'registry.readValues') || can(principal, 'provision.export'));
  // Keys of the customers whose items were selected only: an erased or unknown id listed by
  // the caller is refused item by item later, never a reason to fail or to make a key.
  const holders = [...new Set(rows.map((r) => r.customer_id))];
  const ciphers =
    allowed && holders.length > 0 ? await ctx.keys.ciphersFor(tx, holders) : undefined;
  const read = new Map<string, string[]>();
  const items = rows.map((r): ProvisionItem => {
    const base = {
      id: r.id,
      customerId: r.customer_id,
      group: r.customer_group,
      category: r.category,
      claimsAssignee: r.claims_assignee ?? null,
    };
    const cipher = ciphers?.get(r.customer_id);
    if (cipher === undefined || !inScope(principal, r.category)) return base;
    const ids = read.get(r.customer_id) ?? [];
    ids.push(r.id);
    read.set(r.customer_id, ids);
    return { ...base, value: cipher.decrypt(r.value, itemContext(r.id)) };
  });
  const events: AuditEvent[] = [...read].map(([customerId, itemIds]) => ({
    actor: principal.id,
    action: 'item.readValue',
    customerId,
    itemIds,
    detail: { for: 'provision', ...query.reason },
  }));
  await ctx.audit.append(tx, events);
  return items;
}
