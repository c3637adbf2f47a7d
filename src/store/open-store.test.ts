import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrate.ts';
import type { StoreCapabilities } from './store.ts';
import { ENGINES } from './test-engines.ts';

type Tables = {
  sample: { id: string; at: number; value: Uint8Array; flag: number };
};

const migrations = {
  '0001-test-sample': {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>, capabilities: StoreCapabilities) {
      await db.schema
        .createTable('sample')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('value', capabilities.bytesType, (c) => c.notNull())
        .addColumn('flag', 'integer', (c) => c.notNull())
        .execute();
    },
  },
};

describe.each(ENGINES)('store on $name', (engine) => {
  it('migrates once, and round-trips epoch milliseconds and bytes', async () => {
    const store = await engine.open();
    try {
      expect((await migrateToLatest(store, migrations)).applied).toEqual(['0001-test-sample']);
      expect((await migrateToLatest(store, migrations)).applied).toEqual([]);
      const db = store.db.withTables<Tables>();
      const at = Date.parse('2022-06-30T15:00:00.123Z');
      await db
        .insertInto('sample')
        .values({ id: 'a', at, value: Buffer.from([0, 1, 255]), flag: 1 })
        .execute();
      const row = await db
        .selectFrom('sample')
        .selectAll()
        .where('id', '=', 'a')
        .executeTakeFirstOrThrow();
      expect(row.at).toBe(at);
      expect(Buffer.from(row.value)).toEqual(Buffer.from([0, 1, 255]));
    } finally {
      await store.close();
    }
  });

  it('rolls a failed transaction back whole', async () => {
    const store = await engine.open();
    try {
      await migrateToLatest(store, migrations);
      const db = store.db.withTables<Tables>();
      await expect(
        db.transaction().execute(async (tx) => {
          await tx
            .insertInto('sample')
            .values({ id: 'b', at: 1, value: Buffer.alloc(1), flag: 0 })
            .execute();
          await tx
            .insertInto('sample')
            .values({ id: 'b', at: 2, value: Buffer.alloc(1), flag: 0 })
            .execute();
        }),
      ).rejects.toThrow();
      const count = await db
        .selectFrom('sample')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(0);
    } finally {
      await store.close();
    }
  });
});

describe('SQLite files', () => {
  it('are the owner’s only: the directory hogo creates 0700, the database and its WAL 0600', async () => {
    const { mkdtempSync, rmSync, statSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { openStore } = await import('./open-store.ts');
    const root = mkdtempSync(join(tmpdir(), 'hogo-modes-'));
    const saved = process.umask(0o022);
    try {
      const file = join(root, 'data', 'hogo.sqlite');
      const store = await openStore({ url: file });
      await migrateToLatest(store, migrations);
      const mode = (path: string) => statSync(path).mode & 0o777;
      expect(mode(join(root, 'data'))).toBe(0o700);
      expect(mode(file)).toBe(0o600);
      expect(mode(`${file}-wal`)).toBe(0o600);
      await store.close();
      // A database left world-readable by an earlier version is tightened on open.
      const old = join(root, 'old.sqlite');
      writeFileSync(old, '', { mode: 0o644 });
      const reopened = await openStore({ url: old });
      expect(mode(old)).toBe(0o600);
      await reopened.close();
    } finally {
      process.umask(saved);
      rmSync(root, { recursive: true, force: true });
    }
  });
});
