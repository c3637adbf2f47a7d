import type { StoreMigration } from '../store/store.ts';

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
};
