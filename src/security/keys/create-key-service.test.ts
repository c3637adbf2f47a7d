import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../store/test-engines.ts';
import { securityDb } from '../security-tables.ts';
import { openSecurityStore, tempDir, testKeyring } from '../test-support.ts';
import { createKeyService } from './create-key-service.ts';
import { keyFileKeyring } from './key-file-keyring.ts';
import { staticKeyring } from './master-keyring.ts';

describe.each(ENGINES)('key service on $name', (engine) => {
  it('round-trips a value, and refuses it in another context', async () => {
    const store = await openSecurityStore(engine);
    try {
      const keys = await createKeyService(store, testKeyring());
      const ciphers = await keys.ciphersFor(store.db, ['c1', 'c2', 'c1']);
      expect([...ciphers.keys()].sort()).toEqual(['c1', 'c2']);
      const sealed = ciphers.get('c1')!.encrypt('山田 太郎', 'item:i1');
      expect(sealed[0]).toBe(1);
      expect(sealed.length).toBe(1 + 12 + 16 + Buffer.byteLength('山田 太郎'));
      expect(sealed.toString('utf8')).not.toContain('山田');
      const again = await keys.ciphersFor(store.db, ['c1']);
      expect(again.get('c1')!.decrypt(sealed, 'item:i1')).toBe('山田 太郎');
      expect(() => again.get('c1')!.decrypt(sealed, 'item:i2')).toThrow(
        expect.objectContaining({ code: 'keys.decrypt_failed' }),
      );
      expect(() => ciphers.get('c2')!.decrypt(sealed, 'item:i1')).toThrow(
        expect.objectContaining({ code: 'keys.decrypt_failed' }),
      );
    } finally {
      await store.close();
    }
  });

  it('creates keys for new customers without a look-up, and never overwrites one', async () => {
    const store = await openSecurityStore(engine);
    try {
      const keys = await createKeyService(store, testKeyring());
      const sealed = await store.db.transaction().execute(async (tx) => {
        const ciphers = await keys.createCiphers(tx, ['n1', 'n2']);
        return ciphers.get('n1')!.encrypt('山田 太郎', 'item:i1');
      });
      const read = await keys.ciphersFor(store.db, ['n1']);
      expect(read.get('n1')!.decrypt(sealed, 'item:i1')).toBe('山田 太郎');
      // n1 has a key: the insert fails, the transaction with it (n3 is not kept either).
      await expect(
        store.db.transaction().execute((tx) => keys.createCiphers(tx, ['n3', 'n1'])),
      ).rejects.toThrow();
      const ids = await securityDb(store.db)
        .selectFrom('data_keys')
        .select('customer_id')
        .execute();
      expect(ids.map((r) => r.customer_id).sort()).toEqual(['n1', 'n2']);
      const again = await keys.ciphersFor(store.db, ['n1']);
      expect(again.get('n1')!.decrypt(sealed, 'item:i1')).toBe('山田 太郎');
    } finally {
      await store.close();
    }
  });

  it('stores each data key wrapped, never in the clear', async () => {
    const store = await openSecurityStore(engine);
    try {
      const keys = await createKeyService(store, testKeyring());
      await keys.ciphersFor(store.db, ['c1']);
      const row = await securityDb(store.db)
        .selectFrom('data_keys')
        .selectAll()
        .executeTakeFirstOrThrow();
      expect(row.master_version).toBe(1);
      expect(row.wrapped!.length).toBe(12 + 16 + 32);
    } finally {
      await store.close();
    }
  });

  it('keeps blind indexes stable across service instances and apart by kind', async () => {
    const store = await openSecurityStore(engine);
    try {
      const ring = testKeyring();
      const a = await createKeyService(store, ring);
      const b = await createKeyService(store, ring);
      const x = a.blindIndex('email', 'taro@example.jp');
      expect(x.length).toBe(32);
      expect(b.blindIndex('email', 'taro@example.jp')).toEqual(x);
      expect(a.blindIndex('phone', 'taro@example.jp')).not.toEqual(x);
    } finally {
      await store.close();
    }
  });

  it('shreds a key: old values become unreadable and new ciphers are refused', async () => {
    const store = await openSecurityStore(engine);
    try {
      const keys = await createKeyService(store, testKeyring());
      const cipher = (await keys.ciphersFor(store.db, ['c1'])).get('c1')!;
      const sealed = cipher.encrypt('090-1234-5678', 'item:phone');
      await keys.shred(store.db, 'c1');
      await keys.shred(store.db, 'never-seen');
      for (const id of ['c1', 'never-seen']) {
        await expect(keys.ciphersFor(store.db, ['ok', id])).rejects.toMatchObject({
          code: 'keys.shredded',
        });
      }
      const row = await securityDb(store.db)
        .selectFrom('data_keys')
        .selectAll()
        .where('customer_id', '=', 'c1')
        .executeTakeFirstOrThrow();
      expect(row.wrapped).toBeNull();
      expect(row.shredded_at).not.toBeNull();
      expect(sealed.length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('creates many keys in one call, and a concurrent creator of the same key wins cleanly', async () => {
    const store = await openSecurityStore(engine);
    try {
      const keys = await createKeyService(store, testKeyring());
      const ids = Array.from({ length: 3000 }, (_, i) => `c${i}`);
      const [first, second] = await Promise.all([
        keys.ciphersFor(store.db, ids),
        keys.ciphersFor(store.db, ids.slice(0, 10)),
      ]);
      const sealed = first.get('c5')!.encrypt('x', 'ctx');
      expect(second.get('c5')!.decrypt(sealed, 'ctx')).toBe('x');
      const count = await sql<{
        n: number;
      }>`select count(*) as n from data_keys`.execute(store.db);
      expect(Number(count.rows[0]!.n)).toBe(3000);
    } finally {
      await store.close();
    }
  });

  it('rotates: re-wraps every key under a new version, and every value still decrypts', async () => {
    const store = await openSecurityStore(engine);
    try {
      const ring = keyFileKeyring(join(tempDir(), 'master.key'), { warn: () => {} });
      const keys = await createKeyService(store, ring, { rotateBatch: 7 });
      const ids = Array.from({ length: 20 }, (_, i) => `c${i}`);
      const ciphers = await keys.ciphersFor(store.db, ids);
      const sealed = ids.map((id) => ciphers.get(id)!.encrypt(`value of ${id}`, id));
      const index = keys.blindIndex('email', 'a@example.jp');
      await keys.shred(store.db, 'c3');
      const progress: number[] = [];
      const { rewrapped } = await keys.rotate((n) => progress.push(n));
      expect(rewrapped).toBe(19);
      expect(progress).toEqual([7, 14, 19]);
      const versions = await securityDb(store.db)
        .selectFrom('data_keys')
        .select('master_version')
        .where('wrapped', 'is not', null)
        .distinct()
        .execute();
      expect(versions.map((v) => v.master_version)).toEqual([2]);

      // Only version 2 is needed from now on: a keyring without version 1 reads everything.
      const onlyNew = staticKeyring([ring.current()]);
      const after = await createKeyService(store, onlyNew);
      expect(after.blindIndex('email', 'a@example.jp')).toEqual(index);
      const live = ids.filter((id) => id !== 'c3');
      const reread = await after.ciphersFor(store.db, live);
      live.forEach((id) => {
        expect(reread.get(id)!.decrypt(sealed[ids.indexOf(id)]!, id)).toBe(`value of ${id}`);
      });
      await expect(after.ciphersFor(store.db, ['c3'])).rejects.toMatchObject({
        code: 'keys.shredded',
      });
    } finally {
      await store.close();
    }
  });

  it('refuses a key whose master version the keyring lacks, by code', async () => {
    const store = await openSecurityStore(engine);
    try {
      const keys = await createKeyService(store, testKeyring());
      await keys.ciphersFor(store.db, ['c1']);
      await expect(createKeyService(store, testKeyring())).rejects.toMatchObject({
        code: 'keys.unwrap_failed',
      });
    } finally {
      await store.close();
    }
  });
});
