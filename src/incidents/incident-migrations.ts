import type { StoreMigration } from '../store/index.ts';

/** The incidents slice's schema steps, by name (merged into src/app/migrations.ts). */
export const incidentMigrations: Readonly<Record<string, StoreMigration>> = {
  '0850-incidents-record': {
    async up(db) {
      // No free text is kept: the facts are flags and counts, the people a query (APPI Art. 26).
      await db.schema
        .createTable('incidents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('known_on', 'text', (c) => c.notNull())
        .addColumn('persons', 'integer', (c) => c.notNull())
        .addColumn('facts', 'text', (c) => c.notNull())
        .addColumn('duties', 'text', (c) => c.notNull())
        .addColumn('reportable', 'integer', (c) => c.notNull())
        .addColumn('preliminary_due', 'text')
        .addColumn('final_due', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('incidents_final_due')
        .on('incidents')
        .columns(['final_due'])
        .execute();
    },
  },
};
