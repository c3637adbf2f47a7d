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
  '0820-governance-inspections': {
    async up(db) {
      await db.schema
        .createTable('inspections')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('checklist_id', 'text', (c) => c.notNull())
        .addColumn('department', 'text', (c) => c.notNull())
        .addColumn('due_on', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('started_by', 'text', (c) => c.notNull())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('closed_by', 'text')
        .addColumn('closed_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('inspections_schedule')
        .on('inspections')
        .columns(['checklist_id', 'department', 'due_on'])
        .execute();
      await db.schema
        .createTable('inspection_answers')
        .addColumn('inspection_id', 'text', (c) => c.notNull())
        .addColumn('question_id', 'text', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('finding', 'text')
        .addColumn('answered_by', 'text', (c) => c.notNull())
        .addColumn('answered_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('inspection_answers_pk', ['inspection_id', 'question_id'])
        .execute();
      await db.schema
        .createTable('inspection_follow_ups')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('inspection_id', 'text', (c) => c.notNull())
        .addColumn('question_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('due_on', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('closed_by', 'text')
        .addColumn('closed_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('inspection_follow_ups_inspection')
        .on('inspection_follow_ups')
        .columns(['inspection_id'])
        .execute();
    },
  },
};
