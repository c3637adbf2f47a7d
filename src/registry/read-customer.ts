import type { RegistryDeps } from './registry-deps.ts';
import { type AuditEvent, type Principal, authorize, inScope } from '../security/index.ts';
import {
  consentView,
  optOutView,
  serviceView,
  suspensionView,
  type CustomerView,
} from './customer-view.ts';
import { isoInstant, isoOrNull } from './iso-instant.ts';
import { itemView } from './item-view.ts';
import { decideRead, requireReadReason, type ReadReason } from './read-purpose.ts';
import { notExpiredRecording } from './recording-retention.ts';
import { registryDb } from './registry-tables.ts';
import { requireCustomer } from './require-customer.ts';
import { familyContext, itemContext, lineContext } from './value-contexts.ts';
import { valueReader } from './value-reader.ts';

/** What to read: a customer, and whether to include the values the principal may see. */
export interface ReadCustomerInput extends ReadReason {
  readonly customerId: string;
  /** Default true; false reads provenance only (nothing decrypted). */
  readonly values?: boolean;
}

/**
 * A customer with current items, services, lines, family links, consents, opt-outs and
 * suspensions. Values only with 'registry.readValues' and within scope (SECURITY.6), else
 * withheld; the read ('customer.read') and each decrypted item ('item.readValue', with the
 * purpose or basis) are audited in the same transaction. A read of values names its purpose,
 * decided by the policy for each item (`decideRead`): denied items are withheld with the
 * clauses (`deniedBy`), and when all are denied the read is refused ('registry.read_denied')
 * after its decisions are audited. Line numbers and family names, which are no items, follow
 * the items of their category ('phone', 'name'): shown only when none of those was denied and
 * the purpose was permitted for some item. Needs 'registry.read'.
 */
export async function readCustomer(
  ctx: RegistryDeps,
  principal: Principal,
  input: ReadCustomerInput,
): Promise<CustomerView> {
  authorize(principal, 'registry.read');
  const reads = requireReadReason(principal, input.values !== false, input);
  const result = await ctx.store.db.transaction().execute(async (tx) => {
    const customer = await requireCustomer(tx, input.customerId, principal);
    const db = registryDb(tx);
    const id = customer.id;
    const items = await db
      .selectFrom('items')
      .selectAll()
      .where('customer_id', '=', id)
      .where('superseded_at', 'is', null)
      .where(notExpiredRecording(ctx.clock()))
      .orderBy('id')
      .execute();
    const recordings = await db
      .selectFrom('call_recordings')
      .innerJoin('items', 'items.id', 'call_recordings.item_id')
      .selectAll('call_recordings')
      .where('items.customer_id', '=', id)
      .execute();
    const services = await db
      .selectFrom('services')
      .selectAll()
      .where('customer_id', '=', id)
      .orderBy('started_at')
      .execute();
    const lines = await db
      .selectFrom('subscriber_lines')
      .selectAll()
      .where('customer_id', '=', id)
      .orderBy('id')
      .execute();
    const family = await db
      .selectFrom('family_links')
      .selectAll()
      .where('customer_id', '=', id)
      .orderBy('id')
      .execute();
    const consents = await db
      .selectFrom('consents')
      .selectAll()
      .where('customer_id', '=', id)
      .orderBy('at')
      .execute();
    const optOuts = await db
      .selectFrom('ad_opt_outs')
      .selectAll()
      .where('customer_id', '=', id)
      .orderBy('at')
      .execute();
    const suspensions = await db
      .selectFrom('suspensions')
      .selectAll()
      .where('customer_id', '=', id)
      .orderBy('from_at')
      .execute();

    const reader = await valueReader(tx, ctx.keys, principal, id, reads);
    const asked = reads ? items.filter((i) => inScope(principal, i.category)) : [];
    const read = reads
      ? await decideRead(
          ctx,
          tx,
          principal,
          id,
          asked.map((i) => i.id),
          input,
        )
      : null;
    if (read?.refusal) return { refusal: read.refusal };
    const deniedCategories = new Set(
      asked.filter((i) => read?.denied.has(i.id)).map((i) => i.category),
    );
    // A value that is no item may be read only where the purpose was permitted for the customer.
    const mayReadOther = (category: string) =>
      read !== null && read.permitted.size > 0 && !deniedCategories.has(category);
    const byItem = new Map(recordings.map((r) => [r.item_id, r]));
    const readItemIds: string[] = [];
    const itemViews = items.map((row) => {
      const value =
        read?.permitted.has(row.id) === true
          ? reader.read(row.category, row.value, itemContext(row.id))
          : undefined;
      if (value !== undefined) readItemIds.push(row.id);
      const deniedBy = read?.denied.get(row.id);
      return {
        ...itemView(row, value, byItem.get(row.id)),
        ...(deniedBy !== undefined ? { deniedBy } : {}),
      };
    });
    const lineViews = lines.map((l) => {
      const number = mayReadOther('phone')
        ? reader.read('phone', l.number, lineContext(l.id))
        : undefined;
      return {
        id: l.id,
        ...(number !== undefined ? { number } : { numberWithheld: true as const }),
        createdAt: isoInstant(l.created_at),
        endedAt: isoOrNull(l.ended_at),
      };
    });
    const familyViews = family.map((f) => {
      const name =
        f.name === null || !mayReadOther('name')
          ? undefined
          : reader.read('name', f.name, familyContext(f.id));
      return {
        id: f.id,
        relation: f.relation,
        relatedCustomerId: f.related_customer_id,
        ...(name !== undefined ? { name } : f.name !== null ? { nameWithheld: true as const } : {}),
        createdAt: isoInstant(f.created_at),
        endedAt: isoOrNull(f.ended_at),
      };
    });

    const events: AuditEvent[] = [
      {
        actor: principal.id,
        action: 'customer.read',
        customerId: id,
        itemIds: items.map((i) => i.id),
      },
    ];
    const others = reader.decrypted.filter((c) => !c.startsWith('item:'));
    if (reader.decrypted.length > 0) {
      events.push({
        actor: principal.id,
        action: 'item.readValue',
        customerId: id,
        itemIds: readItemIds,
        detail: { ...read?.detail, ...(others.length > 0 ? { also: others } : {}) },
      });
    }
    await ctx.audit.append(tx, events);
    const view: CustomerView = {
      id,
      externalId: customer.external_id,
      group: customer.customer_group,
      createdAt: isoInstant(customer.created_at),
      items: itemViews,
      services: services.map(serviceView),
      subscriberLines: lineViews,
      familyLinks: familyViews,
      consents: consents.map(consentView),
      adOptOuts: optOuts.map(optOutView),
      suspensions: suspensions.map(suspensionView),
    };
    return { view };
  });
  // Thrown after the commit, so that the decisions which refused the read stay audited.
  if ('refusal' in result) throw result.refusal;
  return result.view;
}
