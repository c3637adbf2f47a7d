import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../store/test-engines.ts';
import { authenticateBearer } from '../auth/authenticate-bearer.ts';
import { openTestContext } from '../test-support.ts';
import { createUser } from '../users/create-user.ts';
import { endSession } from './end-session.ts';
import { FAILURE_WINDOW_MS, MAX_FAILURES, MAX_NETWORK_FAILURES } from './login-throttle.ts';
import { openSession, SESSION_TTL_MS } from './open-session.ts';

describe.each(ENGINES)('sessions on $name', (engine) => {
  it('signs in, authenticates the token until it expires after 12 hours, and signs out', async () => {
    const ctx = await openTestContext(engine);
    try {
      const { password } = await createUser(ctx, { name: 'sato', role: 'auditor' }, 'system');
      const session = await openSession(ctx, 'sato', password);
      expect(session.token).toMatch(/^hogo_ses_/);
      expect(session.expiresAt).toBe(ctx.clock() + SESSION_TTL_MS);
      const principal = await authenticateBearer(ctx, session.token);
      expect(principal).toMatchObject({ kind: 'user', name: 'sato', role: 'auditor' });

      const stored = await sql<{ token_hash: Uint8Array }>`select token_hash from sessions`.execute(
        ctx.store.db,
      );
      expect(Buffer.from(stored.rows[0]!.token_hash).toString('utf8')).not.toContain(session.token);

      ctx.clock.advance(SESSION_TTL_MS);
      expect(await authenticateBearer(ctx, session.token)).toBeUndefined();

      const again = await openSession(ctx, 'sato', password);
      await endSession(ctx, again.token, principal!.id);
      expect(await authenticateBearer(ctx, again.token)).toBeUndefined();
    } finally {
      await ctx.close();
    }
  });

  it('prunes failed sign-ins under every name once they leave the window', async () => {
    const ctx = await openTestContext(engine);
    try {
      for (let n = 0; n < 20; n++)
        await expect(openSession(ctx, `random-${n}`, 'guess')).rejects.toThrow();
      const count = async () =>
        Number(
          (await sql<{ n: number }>`select count(*) as n from login_failures`.execute(ctx.store.db))
            .rows[0]!.n,
        );
      expect(await count()).toBe(20);
      ctx.clock.advance(FAILURE_WINDOW_MS + 1);
      await expect(openSession(ctx, 'one-more', 'guess')).rejects.toThrow();
      expect(await count()).toBe(1);
    } finally {
      await ctx.close();
    }
  });

  it('refuses a wrong password and an unknown name alike', async () => {
    const ctx = await openTestContext(engine);
    try {
      await createUser(ctx, { name: 'sato', role: 'auditor' }, 'system');
      for (const name of ['sato', 'nobody']) {
        await expect(openSession(ctx, name, 'guess')).rejects.toMatchObject({
          code: 'auth.unauthenticated',
          message: 'wrong name or password',
        });
      }
    } finally {
      await ctx.close();
    }
  });

  it(`locks a name after ${MAX_FAILURES} failures within 15 minutes, even for the right password`, async () => {
    const ctx = await openTestContext(engine);
    try {
      const { password } = await createUser(ctx, { name: 'sato', role: 'auditor' }, 'system');
      for (let i = 0; i < MAX_FAILURES; i++) {
        await expect(openSession(ctx, 'sato', 'guess')).rejects.toMatchObject({
          code: 'auth.unauthenticated',
        });
      }
      await expect(openSession(ctx, 'sato', password)).rejects.toMatchObject({
        code: 'auth.locked',
      });
      ctx.clock.advance(FAILURE_WINDOW_MS);
      await expect(openSession(ctx, 'sato', password)).resolves.toMatchObject({
        user: { name: 'sato' },
      });
    } finally {
      await ctx.close();
    }
  });

  it('locks a name only for the network that failed: an outsider cannot keep staff out', async () => {
    const ctx = await openTestContext(engine);
    try {
      const { password } = await createUser(ctx, { name: 'admin', role: 'auditor' }, 'system');
      const outsider = { ip: '203.0.113.7' };
      for (let i = 0; i < MAX_FAILURES; i++)
        await expect(openSession(ctx, 'admin', 'guess', outsider)).rejects.toMatchObject({
          code: 'auth.unauthenticated',
        });
      await expect(openSession(ctx, 'admin', password, outsider)).rejects.toMatchObject({
        code: 'auth.locked',
      });
      // The same address by another IPv6 form, and a neighbour in the outsider's /64, are the
      // outsider's network; the staff member's own network is not.
      const v6 = { ip: '2001:db8:1:2::10' };
      for (let i = 0; i < MAX_FAILURES; i++)
        await expect(openSession(ctx, 'admin', 'guess', v6)).rejects.toThrow();
      await expect(
        openSession(ctx, 'admin', password, { ip: '2001:db8:1:2:ffff::1' }),
      ).rejects.toMatchObject({ code: 'auth.locked' });
      await expect(
        openSession(ctx, 'admin', password, { ip: '::ffff:203.0.113.7' }),
      ).rejects.toMatchObject({ code: 'auth.locked' });
      await expect(
        openSession(ctx, 'admin', password, { ip: '192.0.2.20' }),
      ).resolves.toMatchObject({ user: { name: 'admin' } });
    } finally {
      await ctx.close();
    }
  });

  it(`locks a network after ${MAX_NETWORK_FAILURES} failures under any names, not other networks`, async () => {
    const ctx = await openTestContext(engine);
    try {
      const { password } = await createUser(ctx, { name: 'sato', role: 'auditor' }, 'system');
      const sprayer = { ip: '198.51.100.9' };
      for (let i = 0; i < MAX_NETWORK_FAILURES; i++)
        await expect(openSession(ctx, `name-${i}`, 'guess', sprayer)).rejects.toMatchObject({
          code: 'auth.unauthenticated',
        });
      const locked = openSession(ctx, 'sato', password, sprayer);
      await expect(locked).rejects.toMatchObject({
        code: 'auth.locked',
        message: 'too many failed sign-ins from this network; try again later',
      });
      await expect(openSession(ctx, 'sato', password, { ip: '192.0.2.20' })).resolves.toBeTruthy();
      ctx.clock.advance(FAILURE_WINDOW_MS);
      await expect(openSession(ctx, 'sato', password, sprayer)).resolves.toBeTruthy();
    } finally {
      await ctx.close();
    }
  });

  it('checks no more than the allowed guesses when they all arrive at once', async () => {
    const ctx = await openTestContext(engine);
    try {
      const { password } = await createUser(ctx, { name: 'sato', role: 'auditor' }, 'system');
      const guesses = [...Array.from({ length: 15 }, (_, i) => `guess-${i}`), password];
      const outcomes = await Promise.allSettled(guesses.map((g) => openSession(ctx, 'sato', g)));
      const codes = outcomes.map((o) =>
        o.status === 'fulfilled' ? 'signed in' : (o.reason as { code: string }).code,
      );
      // At most MAX_FAILURES passwords were checked; every other attempt met the lock.
      const checked = codes.filter((c) => c !== 'auth.locked');
      expect(checked.length).toBeLessThanOrEqual(MAX_FAILURES);
      expect(codes.filter((c) => c === 'auth.locked').length).toBeGreaterThanOrEqual(
        guesses.length - MAX_FAILURES,
      );
    } finally {
      await ctx.close();
    }
  });

  it('refuses a disabled user', async () => {
    const ctx = await openTestContext(engine);
    try {
      const { password } = await createUser(ctx, { name: 'sato', role: 'auditor' }, 'system');
      const session = await openSession(ctx, 'sato', password);
      await sql`update users set disabled = 1`.execute(ctx.store.db);
      expect(await authenticateBearer(ctx, session.token)).toBeUndefined();
      await expect(openSession(ctx, 'sato', password)).rejects.toMatchObject({
        code: 'auth.unauthenticated',
      });
    } finally {
      await ctx.close();
    }
  });
});
