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
  '0860-incidents-reports-notices-violations': {
    async up(db) {
      // Each filing of a report is a version kept as filed (PPC Rules Art. 8; TBA Art. 28).
      await db.schema
        .createTable('incident_reports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('incident_id', 'text', (c) => c.notNull())
        .addColumn('track', 'text', (c) => c.notNull())
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('items', 'text', (c) => c.notNull())
        .addColumn('filed_by', 'text', (c) => c.notNull())
        .addColumn('filed_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('incident_reports_version', ['incident_id', 'track', 'version'])
        .execute();
      // One breach notice per person and incident (APPI Art. 26(2)): sending again adds none.
      await db.schema
        .createTable('incident_notices')
        .addColumn('incident_id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('notice_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('incident_notices_pk', ['incident_id', 'customer_id'])
        .execute();
      // SECURITY.3: suspected violations reported by staff, or anonymously.
      await db.schema
        .createTable('violation_reports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('anonymous', 'integer', (c) => c.notNull())
        .addColumn('reported_by', 'text')
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('incident_id', 'text')
        .addColumn('close_reason', 'text')
        .addColumn('triaged_by', 'text')
        .addColumn('triaged_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
};
