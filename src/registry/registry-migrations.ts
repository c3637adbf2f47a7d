import { sql, type Kysely } from 'kysely';
import type { StoreMigration } from '../store/index.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

/** An index on `customer_id` of a table: every customer-scoped read uses it. */
const byCustomer = (db: Db, table: string) =>
  db.schema.createIndex(`${table}_customer`).on(table).column('customer_id').execute();

/** The registry's schema steps, by name (merged into src/app/migrations.ts). */
export const registryMigrations: Readonly<Record<string, StoreMigration>> = {
  '0200-registry-customers': {
    async up(db, { bytesType }) {
      await db.schema
        .createTable('customers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('external_id', 'text', (c) => c.unique())
        .addColumn('customer_group', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('deleted_at', 'bigint')
        .execute();
      await db.schema
        .createTable('subscriber_lines')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
        .addColumn('number_index', bytesType, (c) => c.notNull())
        .addColumn('number', bytesType, (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('ended_at', 'bigint')
        .execute();
      await byCustomer(db, 'subscriber_lines');
      await db.schema
        .createIndex('subscriber_lines_number')
        .on('subscriber_lines')
        .column('number_index')
        .execute();
      await db.schema
        .createTable('services')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('ended_at', 'bigint')
        .addColumn('origin', 'text')
        .addColumn('transferred_from_docomo', 'integer', (c) => c.notNull())
        .addColumn('claims_assignee', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await byCustomer(db, 'services');
    },
  },
  '0210-registry-items': {
    async up(db, { bytesType }) {
      await db.schema
        .createTable('items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('origin_id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('value', bytesType, (c) => c.notNull())
        .addColumn('value_index', bytesType)
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('provider', 'text')
        .addColumn('acquired_at', 'bigint', (c) => c.notNull())
        .addColumn('service_id', 'text', (c) => c.references('services.id'))
        .addColumn('survey', 'text')
        .addColumn('policy_version', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('superseded_at', 'bigint')
        .addColumn('superseded_by', 'text')
        .execute();
      await byCustomer(db, 'items');
      await db.schema.createIndex('items_origin').on('items').column('origin_id').execute();
      // Lookups by e-mail or phone go through the blind index, never the plaintext.
      await db.schema.createIndex('items_value_index').on('items').column('value_index').execute();
      await db.schema
        .createTable('call_recordings')
        .addColumn('item_id', 'text', (c) => c.primaryKey().references('items.id'))
        .addColumn('metadata', 'text', (c) => c.notNull())
        .addColumn('retention_end', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('call_recordings_retention_end')
        .on('call_recordings')
        .column('retention_end')
        .execute();
    },
  },
  '0220-registry-customer-facts': {
    async up(db, { bytesType }) {
      await db.schema
        .createTable('family_links')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
        .addColumn('relation', 'text', (c) => c.notNull())
        .addColumn('related_customer_id', 'text', (c) => c.references('customers.id'))
        .addColumn('name', bytesType)
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('ended_at', 'bigint')
        .execute();
      await byCustomer(db, 'family_links');
      await db.schema
        .createTable('consents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('withdrawn_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await byCustomer(db, 'consents');
      await db.schema
        .createTable('ad_opt_outs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('withdrawn_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await byCustomer(db, 'ad_opt_outs');
      await db.schema
        .createTable('suspensions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('purposes', 'text')
        .addColumn('from_at', 'bigint', (c) => c.notNull())
        .addColumn('until_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await byCustomer(db, 'suspensions');
    },
  },
  '0232-registry-item-corrections': {
    // A correction never widens use (APPI Art. 17, 18; PURPOSE.NOTIFIED): a later version keeps
    // its first version's acquisition facts; the correction's own provenance sits beside them.
    async up(db) {
      for (const [column, type] of [
        ['corrected_at', 'bigint'],
        ['corrected_channel', 'text'],
        ['corrected_source', 'text'],
        ['corrected_provider', 'text'],
        ['corrected_request_id', 'text'],
      ] as const)
        await db.schema.alterTable('items').addColumn(column, type).execute();
      // Existing later versions were written as if acquired anew: what they said of the
      // correction becomes its provenance, and the first version's facts come back.
      await sql`UPDATE items SET corrected_at = acquired_at, corrected_channel = channel,
        corrected_source = source, corrected_provider = provider
        WHERE id <> origin_id`.execute(db);
      const first = (column: string) =>
        sql`${sql.ref(column)} = (SELECT o.${sql.ref(column)} FROM items o WHERE o.id = items.origin_id)`;
      const columns = [
        'acquired_at',
        'policy_version',
        'service_id',
        'channel',
        'source',
        'provider',
      ];
      await sql`UPDATE items SET ${sql.join(columns.map(first))} WHERE id <> origin_id`.execute(db);
    },
  },
};
