import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { readCsvRows } from '../../src/intake/read-csv-rows.ts';
import { IMPORT_COLUMNS } from '../../src/intake/import-columns.ts';
import { newId } from '../../src/registry/new-id.ts';
import { normalizeEmail } from '../../src/registry/normalize/normalize-email.ts';
import { normalizePhone } from '../../src/registry/normalize/normalize-phone.ts';
import { seal } from '../../src/security/keys/aes-gcm.ts';
import { fillRandom, randomPooled } from '../../src/security/keys/random-pool.ts';
import type { BulkColumn, Store } from '../../src/store/store.ts';

/** The personal columns, in the order their values are sealed together (a JSON array). */
export const FLOOR_PERSONAL_COLUMNS = IMPORT_COLUMNS.filter((c) => c.role === 'item').map(
  (c) => c.name,
);
const CUSTOMER_COLUMNS: readonly BulkColumn[] = [
  { name: 'id', type: 'text' },
  { name: 'external_id', type: 'text' },
  { name: 'customer_group', type: 'text' },
  { name: 'data_key', type: 'bytes' },
  { name: 'sealed', type: 'bytes' },
];
const INDEX_COLUMNS: readonly BulkColumn[] = [
  { name: 'hash', type: 'bytes' },
  { name: 'customer_id', type: 'text' },
];

/** The master key the floor's data keys are wrapped under, and the blind index's key. */
export interface FloorKeys {
  readonly master: KeyObject;
  readonly index: Buffer;
}

/**
 * The floor the import is measured against: the least work the registry issue asks of an
 * encrypted import, done as cheaply as this code base knows how, in one thread. The same file
 * read by the same CSV reader; per row the phone put in E.164 and the e-mail lowercased (the
 * registry's own normalizers); a fresh data key wrapped under a master key; ALL the row's
 * personal values sealed in ONE AES-256-GCM value under that key (hogo seals each item apart);
 * a blind index (HMAC) of the e-mail and of the phone; then one row per customer and one per
 * blind index, through `Store.bulkInsert`, `batch` customers per transaction. No items, no
 * provenance, no services, no audit, no checkpoint: whatever hogo does beyond this costs more,
 * so no import of this design can beat this figure in one thread.
 */
export async function floorInsert(
  store: Store,
  path: string,
  batch: number,
  keys: FloorKeys = { master: createSecretKey(randomPooled(32)), index: randomPooled(32) },
): Promise<number> {
  const bytes = store.capabilities.bytesType;
  await store.db.schema
    .createTable('floor_customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('external_id', 'text', (c) => c.unique())
    .addColumn('customer_group', 'text')
    .addColumn('data_key', bytes)
    .addColumn('sealed', bytes)
    .execute();
  await store.db.schema
    .createTable('floor_index')
    .addColumn('hash', bytes)
    .addColumn('customer_id', 'text')
    .execute();
  await store.db.schema.createIndex('floor_index_hash').on('floor_index').column('hash').execute();
  const { master, index: indexKey } = keys;
  const raw = Buffer.alloc(32);
  let customers: unknown[][] = [];
  let index: unknown[][] = [];
  let count = 0;
  const flush = async () => {
    const [c, i] = [customers, index];
    customers = [];
    index = [];
    await store.db.transaction().execute(async (tx) => {
      await store.bulkInsert(tx, 'floor_customers', CUSTOMER_COLUMNS, c);
      await store.bulkInsert(tx, 'floor_index', INDEX_COLUMNS, i);
    });
  };
  for await (const source of readCsvRows(path)) {
    if (!('row' in source)) continue;
    const row = source.row;
    const id = newId();
    // Either may be absent from a row, as hogo's import allows.
    const email = row.email ? normalizeEmail(row.email) : '';
    const phone = row.phone ? normalizePhone(row.phone) : '';
    fillRandom(raw, 0, 32);
    const dataKey = createSecretKey(raw);
    const aad = floorBinding(id);
    const values = FLOOR_PERSONAL_COLUMNS.map((name) =>
      name === 'email' ? email : name === 'phone' ? phone : (row[name] ?? ''),
    );
    customers.push([
      id,
      row.externalId,
      row.group,
      seal(master, raw, aad),
      seal(dataKey, Buffer.from(JSON.stringify(values)), aad),
    ]);
    if (email !== '')
      index.push([createHmac('sha256', indexKey).update(`email\u0000${email}`).digest(), id]);
    if (phone !== '')
      index.push([createHmac('sha256', indexKey).update(`phone\u0000${phone}`).digest(), id]);
    count++;
    if (count % batch === 0) await flush();
  }
  if (customers.length > 0) await flush();
  return count;
}

/** What a floor customer's wrapped key and sealed values are bound to (AES-GCM additional data). */
export const floorBinding = (customerId: string): Buffer => Buffer.from(`floor:${customerId}`);
