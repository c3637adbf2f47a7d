import type { Kysely } from 'kysely';
import type { RegistryDeps } from './registry-deps.ts';
import { HogoError } from '../errors/index.ts';
import { type AuditEvent, type Principal, authorize, type KeyService } from '../security/index.ts';
import type { BulkColumn } from '../store/index.ts';
import { erasedExternalId } from './delete-customer.ts';
import { ITEM_COLUMNS, itemRowValues, recordingRow } from './item-rows.ts';
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
  /**
   * 'customer' (default): one audit entry per customer. 'batch': ONE 'registry.batchCreate'
   * entry for the whole batch, naming every customer id with the batch's counts, in the same
   * transaction — what a bulk write may do (the audit rule asks per customer for every read of
   * personal values and every decision; a bulk creation is neither). Saves a hash and a row per
   * customer.
   */
  readonly audit?: 'customer' | 'batch';
}

// Columns of the bulk inserts, in the order the rows below give their values.
const CUSTOMER_COLUMNS: readonly BulkColumn[] = [
  { name: 'id', type: 'text' },
  { name: 'external_id', type: 'text' },
  { name: 'customer_group', type: 'text' },
  { name: 'created_at', type: 'bigint' },
  { name: 'deleted_at', type: 'bigint' },
];
const SERVICE_COLUMNS: readonly BulkColumn[] = [
  { name: 'id', type: 'text' },
  { name: 'customer_id', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'started_at', type: 'bigint' },
  { name: 'ended_at', type: 'bigint' },
  { name: 'origin', type: 'text' },
  { name: 'transferred_from_docomo', type: 'integer' },
  { name: 'claims_assignee', type: 'text' },
  { name: 'created_at', type: 'bigint' },
];
const LINE_COLUMNS: readonly BulkColumn[] = [
  { name: 'id', type: 'text' },
  { name: 'customer_id', type: 'text' },
  { name: 'number_index', type: 'bytes' },
  { name: 'number', type: 'bytes' },
  { name: 'created_at', type: 'bigint' },
  { name: 'ended_at', type: 'bigint' },
];
const RECORDING_COLUMNS: readonly BulkColumn[] = [
  { name: 'item_id', type: 'text' },
  { name: 'metadata', type: 'text' },
  { name: 'retention_end', type: 'bigint' },
];

/**
 * Writes many prepared customers with their services, lines and items in ONE transaction,
 * every value encrypted (SECURITY.6), audited per customer or per batch (`options.audit`).
 * All or nothing: a conflicting externalId refuses the whole batch ('registry.conflict' with
 * the index of the customer). Needs 'registry.write' or 'registry.import'.
 *
 * Rows go through `Store.bulkInsert` (a reused prepared statement on SQLite, one `unnest`
 * INSERT per table on PostgreSQL) as value arrays, and the customers' data keys are created
 * without a look-up (`KeyService.createCiphers`): a prepared customer's id is freshly
 * allocated, so it has no key yet — were it taken, the insert would fail the transaction.
 */
export async function insertCustomersBatch(
  ctx: RegistryDeps,
  principal: Principal,
  customers: readonly PreparedCustomer[],
  options: InsertCustomersOptions = {},
): Promise<CreatedCustomer[]> {
  authorize(principal, 'registry.write', 'registry.import');
  if (customers.length === 0) return [];
  return ctx.store.db.transaction().execute(async (tx) => {
    const db = registryDb(tx);
    await refuseTakenExternalIds(db, ctx.keys, ctx.store.capabilities.maxParameters, customers);
    const now = ctx.clock();
    const keys = ctx.keys;
    const ciphers = await keys.createCiphers(
      tx,
      customers.map((c) => c.id),
    );
    const rows = {
      customers: [] as unknown[][],
      services: [] as unknown[][],
      lines: [] as unknown[][],
      items: [] as unknown[][],
      recordings: [] as unknown[][],
    };
    for (const c of customers) {
      const cipher = ciphers.get(c.id)!;
      rows.customers.push([c.id, c.externalId, c.group, now, null]);
      for (const s of c.services) {
        rows.services.push([
          s.id,
          c.id,
          s.name,
          s.startedAt,
          s.endedAt,
          s.origin,
          s.transferredFromDocomo ? 1 : 0,
          s.claimsAssignee,
          now,
        ]);
      }
      for (const l of c.lines) {
        rows.lines.push([
          l.id,
          c.id,
          keys.blindIndex('phone', l.number),
          cipher.encrypt(l.number, lineContext(l.id)),
          now,
          null,
        ]);
      }
      const itemContext = { customerId: c.id, cipher, keys, now, actor: principal.id };
      for (const item of c.items) {
        rows.items.push(itemRowValues(item, itemContext));
        const recording = recordingRow(item);
        if (recording !== undefined) {
          rows.recordings.push([recording.item_id, recording.metadata, recording.retention_end]);
        }
      }
    }
    // Parents before children: the foreign keys are checked row by row.
    const store = ctx.store;
    await store.bulkInsert(tx, 'customers', CUSTOMER_COLUMNS, rows.customers);
    await store.bulkInsert(tx, 'services', SERVICE_COLUMNS, rows.services);
    await store.bulkInsert(tx, 'subscriber_lines', LINE_COLUMNS, rows.lines);
    await store.bulkInsert(tx, 'items', ITEM_COLUMNS, rows.items);
    await store.bulkInsert(tx, 'call_recordings', RECORDING_COLUMNS, rows.recordings);
    await ctx.audit.append(
      tx,
      options.audit === 'batch'
        ? [batchEvent(principal, customers, rows, options.action)]
        : customers.map((c) => createEvent(principal, c, options.action)),
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

/**
 * The one entry of a batch: every customer id (in batch order), what the per-customer verb
 * would have been, and counts — items by category, services, lines. No values.
 */
function batchEvent(
  principal: Principal,
  customers: readonly PreparedCustomer[],
  rows: { readonly services: unknown[]; readonly lines: unknown[]; readonly items: unknown[] },
  action = 'customer.create',
): AuditEvent {
  const categories: Record<string, number> = {};
  for (const c of customers) {
    for (const i of c.items) categories[i.category] = (categories[i.category] ?? 0) + 1;
  }
  return {
    actor: principal.id,
    action: 'registry.batchCreate',
    detail: {
      action,
      customers: customers.length,
      customerIds: customers.map((c) => c.id),
      items: rows.items.length,
      categories,
      services: rows.services.length,
      subscriberLines: rows.lines.length,
    },
  };
}

async function refuseTakenExternalIds(
  db: Kysely<RegistryTables>,
  keys: KeyService,
  maxParameters: number,
  customers: readonly PreparedCustomer[],
): Promise<void> {
  const indexById = new Map<string, number>();
  customers.forEach((c, index) => {
    if (c.externalId === null) return;
    if (indexById.has(c.externalId)) throw conflict(index);
    indexById.set(c.externalId, index);
  });
  // An erased customer's number is taken too, kept as a keyed MAC (`erasedExternalId`).
  for (const [id, index] of [...indexById]) indexById.set(erasedExternalId(keys, id), index);
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
