import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../security/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { openContext } from './open-context.ts';

describe('openContext on SQLite from the environment', () => {
  it('creates the database and the key file (0600) on first start, and migrates once', async () => {
    const dir = tempDir();
    const warnings: string[] = [];
    const env = { HOGO_DATA_DIR: dir };
    const first = await openContext({ env, warn: (m) => warnings.push(m) });
    try {
      expect(first.store.engine).toBe('sqlite');
      expect(first.store.location).toBe(join(dir, 'hogo.sqlite'));
      expect(first.migrations.applied).toEqual(
        expect.arrayContaining([
          '0100-security-keys',
          '0110-security-users',
          '0120-security-audit',
        ]),
      );
      expect(statSync(join(dir, 'master.key')).mode & 0o777).toBe(0o600);
      expect(first.policy.document.id).toBe('ntt-com');
    } finally {
      await first.close();
    }
    const second = await openContext({ env, warn: (m) => warnings.push(m) });
    try {
      expect(second.migrations.applied).toEqual([]);
      expect(warnings).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('takes the master key from HOGO_MASTER_KEY and writes no key file', async () => {
    const dir = tempDir();
    const ctx = await openContext({
      env: { HOGO_DATA_DIR: dir, HOGO_MASTER_KEY: randomBytes(32).toString('base64') },
    });
    await ctx.close();
    expect(existsSync(join(dir, 'master.key'))).toBe(false);
  });

  it('refuses a HOGO_DATABASE_URL that is not PostgreSQL', async () => {
    await expect(
      openContext({ env: { HOGO_DATA_DIR: tempDir(), HOGO_DATABASE_URL: 'mysql://x' } }),
    ).rejects.toThrow(/postgres:\/\//);
  });
});

describe.each(ENGINES)('openContext on $name', (engine) => {
  it('gives working keys and audit log over a migrated store', async () => {
    const ctx = await openContext({
      env: { HOGO_DATA_DIR: tempDir() },
      store: await engine.open(),
      warn: () => {},
    });
    try {
      const ciphers = await ctx.keys.ciphersFor(ctx.store.db, ['c1']);
      const sealed = ciphers.get('c1')!.encrypt('taro@example.jp', 'item:1');
      expect(ciphers.get('c1')!.decrypt(sealed, 'item:1')).toBe('taro@example.jp');
      await ctx.audit.append(ctx.store.db, [{ actor: 'system', action: 'test' }]);
      expect(await ctx.audit.verify()).toEqual({ ok: true, entries: 1 });
    } finally {
      await ctx.close();
    }
  });
});
