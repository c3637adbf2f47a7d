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
};
