import type { StoreMigration } from '../store/index.ts';
import { DEFAULT_RECIPIENTS } from './default-recipients.ts';

/** The provision slice's schema steps, by name (merged into src/app/migrations.ts). */
export const provisionMigrations: Readonly<Record<string, StoreMigration>> = {
  '0500-provision-recipients': {
    async up(db) {
      await db.schema
        .createTable('provision_recipients')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('legal_name', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('representative', 'text')
        .addColumn('country', 'text', (c) => c.notNull())
        .addColumn('protection_regime', 'text')
        .addColumn('record_by_contract', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('recipient_diligence')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('recipient_id', 'text', (c) => c.notNull().references('provision_recipients.id'))
        .addColumn('agreement_reference', 'text', (c) => c.notNull())
        .addColumn('measures', 'text', (c) => c.notNull())
        .addColumn('verified_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('verified_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('recipient_diligence_recipient')
        .on('recipient_diligence')
        .column('recipient_id')
        .execute();
      await db
        .insertInto('provision_recipients')
        .values(
          DEFAULT_RECIPIENTS.map((r) => ({
            id: r.id,
            kind: r.kind,
            legal_name: r.legalName,
            address: null,
            representative: null,
            country: r.country,
            protection_regime: null,
            record_by_contract: 0,
            created_at: 0,
            updated_at: 0,
          })),
        )
        .execute();
    },
  },
  '0510-provision-records': {
    async up(db) {
      await db.schema
        .createTable('provision_records')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('provision_id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('recipient_id', 'text', (c) => c.notNull().references('provision_recipients.id'))
        .addColumn('provided_at', 'bigint', (c) => c.notNull())
        .addColumn('item_categories', 'text', (c) => c.notNull())
        .addColumn('item_ids', 'text', (c) => c.notNull())
        .addColumn('clause', 'text', (c) => c.notNull())
        .addColumn('ground', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('legal_basis', 'text')
        .addColumn('document_reference', 'text')
        .addColumn('statutory', 'integer', (c) => c.notNull())
        .addColumn('retention_end', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('provision_records_customer')
        .on('provision_records')
        .columns(['customer_id', 'provided_at'])
        .execute();
      await db.schema
        .createIndex('provision_records_recipient')
        .on('provision_records')
        .columns(['recipient_id', 'customer_id'])
        .execute();
      await db.schema
        .createIndex('provision_records_retention_end')
        .on('provision_records')
        .column('retention_end')
        .execute();
    },
  },
  '0520-provision-ad-exports': {
    async up(db) {
      await db.schema
        .createTable('ad_exports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('deleted_at', 'bigint')
        .addColumn('files', 'text', (c) => c.notNull())
        .addColumn('receipt', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('ad_exports_expires_at')
        .on('ad_exports')
        .column('expires_at')
        .execute();
    },
  },
  '0530-provision-joint-uses': {
    async up(db) {
      await db.schema
        .createTable('joint_uses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('joint_users', 'text', (c) => c.notNull())
        .addColumn('items', 'text', (c) => c.notNull())
        .addColumn('purposes', 'text', (c) => c.notNull())
        .addColumn('responsible_name', 'text', (c) => c.notNull())
        .addColumn('responsible_address', 'text', (c) => c.notNull())
        .addColumn('responsible_representative', 'text', (c) => c.notNull())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('ended_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0540-provision-ad-exports-created': {
    async up(db) {
      // The receipts are listed newest first (GET /v1/ads/exports), a page at a time.
      await db.schema
        .createIndex('ad_exports_created')
        .on('ad_exports')
        .columns(['created_at', 'id'])
        .execute();
    },
  },
  '0550-provision-records-recipient': {
    async up(db) {
      // APPI Art. 29, Rule 20: the recipient as it stood at the provision, not as edited since.
      // Rows written before stay null and show the recipient's current details.
      for (const column of [
        'recipient_name',
        'recipient_address',
        'recipient_representative',
        'recipient_country',
      ]) {
        await db.schema.alterTable('provision_records').addColumn(column, 'text').execute();
      }
    },
  },
  '0560-provision-legal-obligations': {
    async up(db) {
      // PROVIDE.AUTHORITY: the ground of the policy file and the second person who approved;
      // rows written before stay null (provisions made on one person's word, as then).
      await db.schema.alterTable('provision_records').addColumn('legal_ground', 'text').execute();
      await db.schema.alterTable('provision_records').addColumn('approved_by', 'text').execute();
      await db.schema
        .createTable('legal_provision_requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('recipient_id', 'text', (c) => c.notNull().references('provision_recipients.id'))
        .addColumn('customer_ids', 'text', (c) => c.notNull())
        .addColumn('item_categories', 'text')
        .addColumn('item_ids', 'text')
        .addColumn('legal_ground', 'text', (c) => c.notNull())
        .addColumn('legal_basis', 'text', (c) => c.notNull())
        .addColumn('document_reference', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('requested_by', 'text', (c) => c.notNull())
        .addColumn('requested_at', 'bigint', (c) => c.notNull())
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'bigint')
        .addColumn('provision_id', 'text')
        .execute();
      await db.schema
        .createIndex('legal_provision_requests_state')
        .on('legal_provision_requests')
        .columns(['state', 'requested_at'])
        .execute();
    },
  },
  '0570-provision-anonymized': {
    async up(db) {
      // APPI Art. 44: a provision of anonymously processed information, naming the recipient.
      await db.schema
        .createTable('anonymized_provisions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('dataset_id', 'text', (c) => c.notNull())
        .addColumn('dataset_name', 'text', (c) => c.notNull())
        .addColumn('recipient_id', 'text', (c) => c.notNull().references('provision_recipients.id'))
        .addColumn('recipient_name', 'text', (c) => c.notNull())
        .addColumn('recipient_address', 'text')
        .addColumn('recipient_country', 'text', (c) => c.notNull())
        .addColumn('items', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('provided_at', 'bigint', (c) => c.notNull())
        .addColumn('provided_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('anonymized_provisions_dataset')
        .on('anonymized_provisions')
        .columns(['dataset_id', 'provided_at'])
        .execute();
    },
  },
  '0580-provision-ad-removals': {
    async up(db) {
      // Deletions, suspensions of provision and opt-outs reach the ad exports (APPI Art. 35, ADS.OPT_OUT).
      await db.schema
        .createTable('ad_export_members')
        .addColumn('export_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('row', 'text', (c) => c.notNull())
        .addColumn('dropped_at', 'bigint')
        .addPrimaryKeyConstraint('ad_export_members_pk', ['export_id', 'seq'])
        .execute();
      await db.schema
        .createIndex('ad_export_members_customer')
        .on('ad_export_members')
        .columns(['customer_id', 'platform'])
        .execute();
      await db.schema
        .createTable('ad_removals')
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('clause', 'text', (c) => c.notNull())
        .addColumn('rows', 'text')
        .addColumn('queued_at', 'bigint', (c) => c.notNull())
        .addColumn('sent_export_id', 'text')
        .addColumn('sent_at', 'bigint')
        .addPrimaryKeyConstraint('ad_removals_pk', ['platform', 'customer_id'])
        .execute();
    },
  },
};
