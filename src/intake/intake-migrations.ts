import type { StoreMigration } from '../store/index.ts';

/**
 * The intake slice's schema steps (to be merged into src/app/migrations.ts). `if not exists`:
 * `ensureIntakeSchema` may have created the table before the step was wired in.
 */
export const intakeMigrations: Readonly<Record<string, StoreMigration>> = {
  '0300-intake-checkpoints': {
    async up(db) {
      await db.schema
        .createTable('intake_checkpoints')
        .ifNotExists()
        .addColumn('file_key', 'text', (c) => c.primaryKey())
        .addColumn('next_offset', 'bigint', (c) => c.notNull())
        .addColumn('next_line', 'bigint', (c) => c.notNull())
        .addColumn('imported', 'bigint', (c) => c.notNull())
        .addColumn('skipped', 'bigint', (c) => c.notNull())
        .addColumn('bad', 'bigint', (c) => c.notNull())
        .addColumn('batches', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('completed_at', 'bigint')
        .execute();
    },
  },
  '0310-intake-bad-rows': {
    async up(db) {
      // Each batch's refused rows, in the batch's own transaction: the report is written from
      // them, so a killed import's report and counts agree. No value: line, field, reason.
      await db.schema
        .createTable('intake_bad_rows')
        .ifNotExists()
        .addColumn('file_key', 'text', (c) => c.notNull())
        .addColumn('line', 'bigint', (c) => c.notNull())
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('intake_bad_rows_file')
        .ifNotExists()
        .on('intake_bad_rows')
        .columns(['file_key', 'line'])
        .execute();
    },
  },
};
