import { sql } from 'kysely';
import type { StoreMigration } from '../store/index.ts';

/** The hash before the first audit entry. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** The security slice's schema steps, by name (merged into src/app/migrations.ts). */
export const securityMigrations: Readonly<Record<string, StoreMigration>> = {
  '0100-security-keys': {
    async up(db, { bytesType }) {
      await db.schema
        .createTable('data_keys')
        .addColumn('customer_id', 'text', (c) => c.primaryKey())
        .addColumn('master_version', 'integer', (c) => c.notNull())
        .addColumn('wrapped', bytesType)
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('shredded_at', 'bigint')
        .execute();
      // Rotation walks the keys still wrapped under an older master version.
      await db.schema
        .createIndex('data_keys_master_version')
        .on('data_keys')
        .columns(['master_version', 'customer_id'])
        .execute();
      await db.schema
        .createTable('key_material')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('master_version', 'integer', (c) => c.notNull())
        .addColumn('wrapped', bytesType, (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
  '0110-security-users': {
    async up(db, { bytesType }) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('scope_categories', 'text', (c) => c.notNull())
        .addColumn('scope_purposes', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('scope_categories', 'text', (c) => c.notNull())
        .addColumn('scope_purposes', 'text', (c) => c.notNull())
        .addColumn('secret_hash', bytesType, (c) => c.notNull().unique())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint')
        .addColumn('revoked_at', 'bigint')
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('token_hash', bytesType, (c) => c.notNull().unique())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('ended_at', 'bigint')
        .execute();
      await db.schema
        .createTable('login_failures')
        .addColumn('name_hash', bytesType, (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('login_failures_name_at')
        .on('login_failures')
        .columns(['name_hash', 'at'])
        .execute();
    },
  },
  '0120-security-audit': {
    async up(db) {
      await db.schema
        .createTable('audit_log')
        .addColumn('seq', 'bigint', (c) => c.primaryKey())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text')
        .addColumn('item_ids', 'text', (c) => c.notNull())
        .addColumn('decision', 'text')
        .addColumn('clauses', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('audit_log_customer')
        .on('audit_log')
        .columns(['customer_id', 'seq'])
        .execute();
      // SECURITY.6: one row holds the chain's head; every append locks it, so appends from
      // concurrent transactions form one linear chain, and a truncated tail is detectable.
      await db.schema
        .createTable('audit_head')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await sql`insert into audit_head (id, seq, hash) values (1, 0, ${AUDIT_GENESIS_HASH})`.execute(
        db,
      );
    },
  },
  '0130-security-requester-tokens': {
    async up(db, { bytesType }) {
      // REQUEST.WEB: a customer's bearer after a one-time code; only the hash is kept.
      await db.schema
        .createTable('requester_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('token_hash', bytesType, (c) => c.notNull().unique())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
  '0140-security-requester-tokens-ended': {
    async up(db) {
      // A customer who signs out (a shared computer) ends their token at once.
      await db.schema.alterTable('requester_tokens').addColumn('ended_at', 'bigint').execute();
    },
  },
  '0150-security-login-failures-network': {
    async up(db, { bytesType }) {
      // A failure counts against the name from one client network (hashed), so an outsider
      // cannot lock a staff name for everyone; failures before this step count for no network.
      await db.schema.alterTable('login_failures').addColumn('network_hash', bytesType).execute();
      await db.schema
        .createIndex('login_failures_network_at')
        .on('login_failures')
        .columns(['network_hash', 'at'])
        .execute();
    },
  },
  '0160-security-scope-groups': {
    async up(db) {
      // SECURITY.6: a scope may name the customer groups a principal touches; existing ones all.
      for (const table of ['users', 'api_tokens'])
        await db.schema
          .alterTable(table)
          .addColumn('scope_groups', 'text', (c) => c.notNull().defaultTo('all'))
          .execute();
    },
  },
};
