import type { Kysely } from 'kysely';
import type { AppContext } from '../app/app-context.ts';
import { HogoError } from '../http/http-error.ts';
import type { AuditEvent } from '../security/audit-entry.ts';
import type { Principal } from '../security/principal.ts';
import { authorize } from './authorize.ts';
import { insertRows } from './insert-rows.ts';
import { itemRow, recordingRow } from './item-rows.ts';
import type { PreparedCustomer } from './prepared-customer.ts';
import { registryDb, type RegistryTables } from './registry-tables.ts';
import { lineContext } from './value-contexts.ts';

/** What was written for one customer: the ids the caller needs, no values. */
export interface CreatedCustomer {
  readonly id: string;
  readonly externalId: string | null;
  readonly itemIds: readonly string[];
  readonly serviceIds: readonly string[];
  readonly subscriberLineIds: readonly string[];
}

/** Options of `insertCustomersBatch`. */
export interface InsertCustomersOptions {
  /** The audit verb per customer; default 'customer.create' (bulk import may say 'customer.import'). */
  readonly action?: string;
}

/**
 * Writes many prepared customers with their services, lines and items in ONE transaction:
 * multi-row INSERTs sized from `maxParameters`, every value encrypted (SECURITY.6), one audit
 * event per customer. All or nothing: a conflicting externalId refuses the whole batch
 * ('registry.conflict' with the index of the customer). Needs 'registry.write' or 'registry.import'.
 */
export async function insertCustomersBatch(
  ctx: AppContext,
  principal: Principal,
  customers: readonly PreparedCustomer[],
  options: InsertCustomersOptions = {},
): Promise<CreatedCustomer[]> {
  authorize(principal, 'registry.write', 'registry.import');
  if (customers.length === 0) return [];
  return ctx.store.db.transaction().execute(async (tx) => {
    const db = registryDb(tx);
    await refuseTakenExternalIds(db, ctx.store.capabilities.maxParameters, customers);
    const now = ctx.clock();
    const ciphers = await ctx.keys.ciphersFor(
      tx,
      customers.map((c) => c.id),
    );
    const rows = {
      customers: [] as RegistryTables['customers'][],
      services: [] as RegistryTables['services'][],
      lines: [] as RegistryTables['subscriber_lines'][],
      items: [] as RegistryTables['items'][],
      recordings: [] as RegistryTables['call_recordings'][],
    };
    for (const c of customers) {
      const cipher = ciphers.get(c.id)!;
      rows.customers.push({
        id: c.id,
        external_id: c.externalId,
        customer_group: c.group,
        created_at: now,
        deleted_at: null,
      });
      for (const s of c.services) {
        rows.services.push({
          id: s.id,
          customer_id: c.id,
          name: s.name,
          started_at: s.startedAt,
          ended_at: s.endedAt,
          origin: s.origin,
          transferred_from_docomo: s.transferredFromDocomo ? 1 : 0,
          claims_assignee: s.claimsAssignee,
          created_at: now,
        });
      }
      for (const l of c.lines) {
        rows.lines.push({
          id: l.id,
          customer_id: c.id,
          number_index: ctx.keys.blindIndex('phone', l.number),
          number: cipher.encrypt(l.number, lineContext(l.id)),
          created_at: now,
          ended_at: null,
        });
      }
      const itemContext = { customerId: c.id, cipher, keys: ctx.keys, now, actor: principal.id };
      for (const item of c.items) {
        rows.items.push(itemRow(item, itemContext));
        const recording = recordingRow(item);
        if (recording !== undefined) rows.recordings.push(recording);
      }
    }
    const caps = ctx.store.capabilities;
    await insertRows(db, caps, 'customers', rows.customers);
    await insertRows(db, caps, 'services', rows.services);
    await insertRows(db, caps, 'subscriber_lines', rows.lines);
    await insertRows(db, caps, 'items', rows.items);
    await insertRows(db, caps, 'call_recordings', rows.recordings);
    await ctx.audit.append(
      tx,
      customers.map((c) => createEvent(principal, c, options.action)),
    );
    return customers.map((c) => ({
      id: c.id,
      externalId: c.externalId,
      itemIds: c.items.map((i) => i.id),
      serviceIds: c.services.map((s) => s.id),
      subscriberLineIds: c.lines.map((l) => l.id),
    }));
  });
}

function createEvent(
  principal: Principal,
  c: PreparedCustomer,
  action = 'customer.create',
): AuditEvent {
  return {
    actor: principal.id,
    action,
    customerId: c.id,
    itemIds: c.items.map((i) => i.id),
    detail: {
      group: c.group,
      categories: c.items.map((i) => i.category),
      services: c.services.length,
      subscriberLines: c.lines.length,
    },
  };
}

async function refuseTakenExternalIds(
  db: Kysely<RegistryTables>,
  maxParameters: number,
  customers: readonly PreparedCustomer[],
): Promise<void> {
  const indexById = new Map<string, number>();
  customers.forEach((c, index) => {
    if (c.externalId === null) return;
    if (indexById.has(c.externalId)) throw conflict(index);
    indexById.set(c.externalId, index);
  });
  const ids = [...indexById.keys()];
  const chunk = Math.max(1, maxParameters - 10);
  for (let i = 0; i < ids.length; i += chunk) {
    const taken = await db
      .selectFrom('customers')
      .select('external_id')
      .where('external_id', 'in', ids.slice(i, i + chunk))
      .executeTakeFirst();
    if (taken?.external_id != null) throw conflict(indexById.get(taken.external_id)!);
  }
}

// The externalId is not echoed: only which customer of the batch holds a taken one.
function conflict(index: number): HogoError {
  return new HogoError('registry.conflict', 'externalId is already registered', {
    field: 'externalId',
    index,
  });
}
