import type { StoreMigration } from '../store/index.ts';

/** The requests slice's schema steps, by name (merged into src/app/migrations.ts). */
export const requestMigrations: Readonly<Record<string, StoreMigration>> = {
  '0400-requests-tables': {
    async up(db) {
      await db.schema
        .createTable('requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        .addColumn('due_at', 'bigint', (c) => c.notNull())
        .addColumn('closed_at', 'bigint')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .execute();
      // REQUEST.TIMELY: the open requests by due date are the staff's work list.
      await db.schema
        .createIndex('requests_open_due')
        .on('requests')
        .columns(['closed_at', 'due_at'])
        .execute();
      await db.schema
        .createIndex('requests_customer')
        .on('requests')
        .column('customer_id')
        .execute();
      await db.schema
        .createTable('request_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('detail', 'text')
        .addUniqueConstraint('request_events_order', ['request_id', 'seq'])
        .execute();
    },
  },
  '0410-requests-web': {
    async up(db, { bytesType }) {
      // REQUEST.WEB: one-time codes; the code only as a keyed hash, the customer as an id.
      await db.schema
        .createTable('request_verifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text')
        .addColumn('code_hash', bytesType)
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .execute();
      // A disclosure's package as delivered, sealed under the customer's data key.
      await db.schema
        .createTable('request_packages')
        .addColumn('request_id', 'text', (c) => c.primaryKey().references('requests.id'))
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('body_sealed', bytesType, (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      // PROVIDE.FAMILY: every call answered or refused; the caller's name sealed.
      await db.schema
        .createTable('family_calls')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('relation', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('provision_id', 'text')
        .addColumn('caller_sealed', bytesType)
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('by', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0420-requests-verification-limits': {
    async up(db) {
      // REQUEST.WEB: counters shared by every server on the database, pruned as they expire.
      await db.schema
        .createTable('verification_limits')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('hits', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('verification_limits_expiry')
        .on('verification_limits')
        .column('expires_at')
        .execute();
    },
  },
  '0430-requests-open-key': {
    async up(db) {
      // One open request of a kind per customer from the web: the unique index refuses a
      // duplicate even when many are filed at once; the key is cleared when the request closes.
      await db.schema.alterTable('requests').addColumn('open_key', 'text').execute();
      await db.schema
        .createIndex('requests_open_key')
        .on('requests')
        .column('open_key')
        .unique()
        .execute();
    },
  },
};
