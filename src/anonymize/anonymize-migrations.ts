import type { StoreMigration } from '../store/index.ts';

/** The anonymize slice's schema steps, by name (merged into src/app/migrations.ts). */
export const anonymizeMigrations: Readonly<Record<string, StoreMigration>> = {
  '0900-anonymize-datasets': {
    async up(db) {
      await db.schema
        .createTable('anonymized_datasets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('phase', 'text', (c) => c.notNull())
        .addColumn('done', 'integer', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('report', 'text')
        .addColumn('data', 'text')
        .addColumn('rows', 'integer')
        .addColumn('error', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('finished_at', 'bigint')
        .addColumn('published_items', 'text')
        .addColumn('published_method', 'text')
        .addColumn('published_at', 'bigint')
        .addColumn('published_by', 'text')
        .execute();
      await db.schema
        .createIndex('anonymized_datasets_published')
        .on('anonymized_datasets')
        .columns(['published_at'])
        .execute();
      await db.schema
        .createTable('anonymized_dataset_notices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('dataset_id', 'text', (c) => c.notNull().references('anonymized_datasets.id'))
        .addColumn('provision_id', 'text', (c) => c.notNull())
        .addColumn('recipient_id', 'text', (c) => c.notNull())
        .addColumn('recipient_name', 'text', (c) => c.notNull())
        .addColumn('subject_en', 'text', (c) => c.notNull())
        .addColumn('body_en', 'text', (c) => c.notNull())
        .addColumn('subject_ja', 'text', (c) => c.notNull())
        .addColumn('body_ja', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
