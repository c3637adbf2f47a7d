import type { StoreMigration } from '../store/index.ts';

/** The governance slice's schema steps, by name (merged into src/app/migrations.ts). */
export const governanceMigrations: Readonly<Record<string, StoreMigration>> = {
  '0800-governance-export-approvals': {
    async up(db) {
      await db.schema
        .createTable('export_approvals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('requested_by', 'text', (c) => c.notNull())
        .addColumn('requested_by_name', 'text', (c) => c.notNull())
        .addColumn('requested_at', 'bigint', (c) => c.notNull())
        .addColumn('approved_by', 'text')
        .addColumn('approved_at', 'bigint')
        .addColumn('used_by', 'text')
        .addColumn('used_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('export_approvals_state')
        .on('export_approvals')
        .columns(['state', 'requested_at'])
        .execute();
    },
  },
  '0810-governance-training': {
    async up(db) {
      await db.schema
        .createTable('training_completions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('course_id', 'text', (c) => c.notNull())
        .addColumn('completed_on', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('training_completions_user')
        .on('training_completions')
        .columns(['user_id', 'course_id'])
        .execute();
    },
  },
};
