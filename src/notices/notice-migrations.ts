import type { StoreMigration } from '../store/index.ts';

/** The notices slice's schema steps, by name (merged into src/app/migrations.ts). */
export const noticeMigrations: Readonly<Record<string, StoreMigration>> = {
  '0600-notices-outbox': {
    async up(db, { bytesType }) {
      await db.schema
        .createTable('notices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('request_id', 'text')
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('to_masked', 'text', (c) => c.notNull())
        .addColumn('to_sealed', bytesType, (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body_sealed', bytesType, (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('sent_at', 'bigint')
        .addColumn('failure', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .execute();
      // The staff's outbox is read newest first.
      await db.schema
        .createIndex('notices_created')
        .on('notices')
        .columns(['created_at', 'id'])
        .execute();
    },
  },
  '0610-notices-retry': {
    async up(db) {
      // A failed notice is tried again after a backoff, and given up after five tries.
      await db.schema.alterTable('notices').addColumn('next_attempt_at', 'bigint').execute();
      await db.schema.alterTable('notices').addColumn('failed_at', 'bigint').execute();
      await db.schema
        .createIndex('notices_retry')
        .on('notices')
        .columns(['next_attempt_at'])
        .execute();
    },
  },
  '0620-notices-expiry': {
    async up(db) {
      // A one-time code is not worth sending once it has expired.
      await db.schema.alterTable('notices').addColumn('expires_at', 'bigint').execute();
    },
  },
  '0630-notices-print-batches': {
    async up(db) {
      // Letters by post leave on paper, in batches taken by a mail house; existing letters stay
      // queued (batch_id null) and go in the next batch.
      await db.schema
        .createTable('print_batches')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('letters', 'integer', (c) => c.notNull())
        .addColumn('taken_at', 'bigint')
        .addColumn('taken_by', 'text')
        .execute();
      await db.schema.alterTable('notices').addColumn('batch_id', 'text').execute();
      await db.schema.createIndex('notices_batch').on('notices').columns(['batch_id']).execute();
    },
  },
};
