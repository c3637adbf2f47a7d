import { createSecretKey } from 'node:crypto';
import { sql } from 'kysely';
import type { AdPlatformId } from '../../src/provision/ads/ad-platform-id.ts';
import { audienceRows, type AudienceItem } from '../../src/provision/ads/audience-rows.ts';
import { openAudienceWriter } from '../../src/provision/ads/open-audience-writer.ts';
import { newId } from '../../src/registry/new-id.ts';
import { open } from '../../src/security/keys/aes-gcm.ts';
import type { BulkColumn, Store } from '../../src/store/store.ts';
import { FLOOR_PERSONAL_COLUMNS, floorBinding, type FloorKeys } from '../import/floor-insert.ts';

const PAGE = 500;
const LEDGER_COLUMNS: readonly BulkColumn[] = [
  { name: 'id', type: 'text' },
  { name: 'customer_id', type: 'text' },
  { name: 'recipient_id', type: 'text' },
  { name: 'provided_at', type: 'bigint' },
  { name: 'item_categories', type: 'text' },
];
// The registry category of each sealed column; postal code and address make one address.
const CATEGORY: Readonly<Record<string, string>> = {
  name: 'name',
  nameKana: 'name',
  email: 'email',
  phone: 'phone',
  address: 'address',
  birthDate: 'birthDate',
  gender: 'gender',
};

/**
 * The floor the ads export is measured against: the least work an export of encrypted customers
 * to an ad platform must do, in one thread, over the customers `floorInsert` wrote (one row per
 * customer, every value sealed in one AES-256-GCM value under the customer's wrapped key): per
 * page of 500 customers, read the rows; per customer unwrap the key, open the values, normalize
 * and hash them with hogo's own `audienceRows` and write the platform's file with hogo's own
 * writer; one ledger row per customer (who, to whom, when, what), the page in one transaction.
 * No purpose decision, no opt-out or suspension, no audit, no receipt: hogo's export does all
 * of these besides, so no export of this design beats this figure in one thread.
 */
export async function floorExport(
  store: Store,
  keys: FloorKeys,
  platform: AdPlatformId,
  out: string,
): Promise<{ customers: number; included: number; files: string[] }> {
  await store.db.schema
    .createTable('floor_ledger')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'text', (c) => c.notNull())
    .addColumn('provided_at', 'bigint', (c) => c.notNull())
    .addColumn('item_categories', 'text', (c) => c.notNull())
    .execute();
  await store.db.schema
    .createIndex('floor_ledger_customer')
    .ifNotExists()
    .on('floor_ledger')
    .column('customer_id')
    .execute();
  const writer = openAudienceWriter(platform, out);
  const recipient = `ads:${platform}`;
  const now = Date.now();
  await store.db.deleteFrom('floor_ledger' as never).execute();
  let after = '';
  let customers = 0;
  let included = 0;
  for (;;) {
    const page = await sql<{ id: string; data_key: Uint8Array; sealed: Uint8Array }>`
      select id, data_key, sealed from floor_customers where id > ${after} order by id limit ${PAGE}
    `.execute(store.db);
    if (page.rows.length === 0) break;
    const ledger: unknown[][] = [];
    for (const row of page.rows) {
      const binding = floorBinding(row.id);
      const raw = open(keys.master, row.data_key, binding);
      const values = JSON.parse(
        open(createSecretKey(raw), row.sealed, binding).toString('utf8'),
      ) as string[];
      raw.fill(0);
      const items = sealedItems(row.id, values);
      const rows = audienceRows(platform, items);
      customers++;
      if (rows.rows.length === 0) continue;
      for (const r of rows.rows) writer.add(r);
      ledger.push([newId(now), row.id, recipient, now, JSON.stringify(rows.categories)]);
      included++;
    }
    await store.db
      .transaction()
      .execute((tx) => store.bulkInsert(tx, 'floor_ledger', LEDGER_COLUMNS, ledger));
    await writer.drain();
    after = page.rows[page.rows.length - 1]!.id;
  }
  const files = await writer.close();
  return { customers, included, files: files.map((f) => f.name) };
}

/** The sealed values as the items an export reads: postal code and address joined. */
function sealedItems(customerId: string, values: readonly string[]): AudienceItem[] {
  const items: AudienceItem[] = [];
  let postal = '';
  FLOOR_PERSONAL_COLUMNS.forEach((column, i) => {
    const value = values[i] ?? '';
    if (column === 'postalCode') {
      postal = value;
      return;
    }
    const category = CATEGORY[column];
    const text = column === 'address' && postal !== '' ? `〒${postal} ${value}` : value;
    if (category === undefined || text.trim() === '') return;
    items.push({ id: `${customerId}:${column}`, category, value: text });
  });
  return items;
}
