import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { postgresBulkInsert, sqliteBulkInsert } from './bulk-insert.ts';
import type { Store } from './store.ts';

export interface OpenStoreOptions {
  /** `postgres://…` for PostgreSQL; otherwise a SQLite file path (default ./data/hogo.sqlite). */
  readonly url?: string;
  /** PostgreSQL only: the schema to use (created when missing); default public. */
  readonly schema?: string;
  /** PostgreSQL pool size; default 10. */
  readonly poolSize?: number;
}

export const DEFAULT_SQLITE_PATH = 'data/hogo.sqlite';

// int8 (bigint) columns hold epoch milliseconds and counts, all within 2^53: read as numbers.
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens the store named by a URL: PostgreSQL for postgres://, SQLite (WAL) for a path. */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const url = options.url ?? DEFAULT_SQLITE_PATH;
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url, options);
  return openSqlite(url);
}

function openSqlite(path: string): Store {
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') ownerOnly(file);
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database }) });
  return {
    db,
    engine: 'sqlite',
    schema: null,
    capabilities: { maxParameters: 32_766, concurrentWriters: false, bytesType: 'blob' },
    location: file,
    bulkInsert: sqliteBulkInsert(database),
    close: () => db.destroy(),
  };
}

/**
 * The database holds sealed values but also their keys' wrapping metadata and the audit chain:
 * only its owner reads it (APPI art. 23, security control). The directory hogo creates is 0700;
 * the file is created (or tightened) 0600 before SQLite opens it, and SQLite gives its -wal and
 * -shm files the database file's mode.
 */
function ownerOnly(file: string): void {
  const dir = dirname(file);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}

async function openPostgres(url: string, options: OpenStoreOptions): Promise<Store> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new Error(`schema must be a plain lower-case identifier, got '${schema}'`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  const safe = new URL(url);
  safe.password = '';
  return {
    db,
    engine: 'postgres',
    schema: schema ?? 'public',
    capabilities: { maxParameters: 65_535, concurrentWriters: true, bytesType: 'bytea' },
    location: `${safe.toString()}${schema ? ` (schema ${schema})` : ''}`,
    bulkInsert: postgresBulkInsert(),
    close: () => db.destroy(),
  };
}
