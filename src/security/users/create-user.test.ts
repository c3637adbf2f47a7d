import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../store/test-engines.ts';
import { securityDb } from '../security-tables.ts';
import { openTestContext } from '../test-support.ts';
import { bootstrap } from './bootstrap.ts';
import { createUser } from './create-user.ts';
import { listUsers } from './list-users.ts';

describe.each(ENGINES)('staff users on $name', (engine) => {
  it('stores an Argon2id hash of the generated password, never the password', async () => {
    const ctx = await openTestContext(engine);
    try {
      const { user, password } = await createUser(
        ctx,
        { name: 'sato', role: 'operator', categories: ['email', 'name'] },
        'usr_admin',
      );
      expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(user).toMatchObject({
        name: 'sato',
        role: 'operator',
        scope: { categories: ['email', 'name'], purposes: 'all' },
        disabled: false,
      });
      const row = await securityDb(ctx.store.db)
        .selectFrom('users')
        .selectAll()
        .executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(JSON.stringify(row)).not.toContain(password);
      const [entry] = await ctx.audit.list({ limit: 1 });
      expect(entry).toMatchObject({ actor: 'usr_admin', action: 'users.create' });
      expect(JSON.stringify(entry)).not.toContain(password);
    } finally {
      await ctx.close();
    }
  });

  it('refuses a scope naming a category or purpose the policy does not have', async () => {
    const ctx = await openTestContext(engine);
    try {
      await expect(
        createUser(ctx, { name: 'ito', role: 'operator', categories: ['email', 'emial'] }, 'a'),
      ).rejects.toMatchObject({
        code: 'security.invalid_scope',
        details: { path: 'categories[1]' },
      });
      await expect(
        createUser(ctx, { name: 'ito', role: 'operator', purposes: ['PURPOSE.REG.99'] }, 'a'),
      ).rejects.toMatchObject({ code: 'security.invalid_scope', details: { path: 'purposes[0]' } });
      expect(await listUsers(ctx)).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it('refuses a second user of the same name, an unknown role and a malformed name', async () => {
    const ctx = await openTestContext(engine);
    try {
      await createUser(ctx, { name: 'sato', role: 'operator' }, 'system');
      await expect(
        createUser(ctx, { name: 'sato', role: 'auditor' }, 'system'),
      ).rejects.toMatchObject({
        code: 'users.conflict',
      });
      await expect(
        createUser(ctx, { name: 'suzuki', role: 'root' }, 'system'),
      ).rejects.toMatchObject({
        code: 'users.invalid_role',
      });
      await expect(
        createUser(ctx, { name: 'Sato San', role: 'operator' }, 'system'),
      ).rejects.toMatchObject({
        code: 'users.invalid_name',
      });
      expect((await listUsers(ctx)).map((u) => u.name)).toEqual(['sato']);
      expect(await ctx.audit.verify()).toEqual({ ok: true, entries: 1 });
    } finally {
      await ctx.close();
    }
  });

  it('bootstraps admin once, with a password unique to this installation', async () => {
    const ctx = await openTestContext(engine);
    const other = await openTestContext(engine);
    try {
      const first = await bootstrap(ctx);
      expect(first?.name).toBe('admin');
      expect(await bootstrap(ctx)).toBeUndefined();
      expect((await listUsers(ctx))[0]).toMatchObject({
        name: 'admin',
        role: 'privacyOfficer',
        scope: { categories: 'all', purposes: 'all' },
      });
      expect((await bootstrap(other))?.password).not.toBe(first?.password);
    } finally {
      await ctx.close();
      await other.close();
    }
  });
});
