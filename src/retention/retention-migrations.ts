import type { StoreMigration } from '../store/index.ts';

/** The retention slice's schema steps, by name (merged into src/app/migrations.ts). */
export const retentionMigrations: Readonly<Record<string, StoreMigration>> = {
  '0700-retention-holds': {
    async up(db) {
      await db.schema
        .createTable('legal_holds')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('reference', 'text')
        .addColumn('placed_by', 'text', (c) => c.notNull())
        .addColumn('placed_at', 'bigint', (c) => c.notNull())
        .addColumn('until_at', 'bigint')
        .addColumn('released_at', 'bigint')
        .addColumn('released_by', 'text')
        .execute();
      await db.schema
        .createIndex('legal_holds_customer')
        .on('legal_holds')
        .column('customer_id')
        .execute();
    },
  },
};
