import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../http/build-app.ts';
import { ENGINES } from '../../store/test-engines.ts';
import { openTestContext } from '../test-support.ts';
import { bootstrap } from '../users/bootstrap.ts';

describe.each(ENGINES)('security routes on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let app: FastifyInstance;
  let admin: string;
  beforeAll(async () => {
    ctx = await openTestContext(engine);
    app = await buildApp({ policy: ctx.policy, logLevel: false, context: ctx });
    const first = (await bootstrap(ctx))!;
    const res = await app.inject({ method: 'POST', url: '/v1/session', payload: first });
    expect(res.statusCode).toBe(200);
    admin = res.json().token;
  });
  afterAll(async () => {
    await app.close();
    await ctx.close();
  });
  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, token?: string, payload?: object) =>
    app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  it('signs in and tells who the bearer is', async () => {
    const res = await call('GET', '/v1/me', admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'user',
      name: 'admin',
      role: 'privacyOfficer',
      scope: { categories: 'all', purposes: 'all' },
    });
    expect(res.json().permissions).toContain('keys.rotate');
  });

  it('refuses a wrong password with 401 and a locked name with 429', async () => {
    const wrong = await call('POST', '/v1/session', undefined, { name: 'ghost', password: 'x' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('auth.unauthenticated');
    for (let i = 0; i < 4; i++)
      await call('POST', '/v1/session', undefined, { name: 'ghost', password: 'x' });
    const locked = await call('POST', '/v1/session', undefined, { name: 'ghost', password: 'x' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toMatchObject({
      code: 'auth.locked',
      retryAfterSeconds: expect.any(Number),
    });
  });

  it('creates a user whose password signs in, and refuses a duplicate with 409', async () => {
    const created = await call('POST', '/v1/users', admin, {
      name: 'tanaka',
      role: 'auditor',
      categories: ['email'],
    });
    expect(created.statusCode).toBe(201);
    const { user, password } = created.json();
    expect(user).toMatchObject({
      name: 'tanaka',
      role: 'auditor',
      scope: { categories: ['email'] },
    });
    expect(JSON.stringify(user)).not.toContain('argon');
    const dup = await call('POST', '/v1/users', admin, { name: 'tanaka', role: 'auditor' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('users.conflict');

    const session = (
      await call('POST', '/v1/session', undefined, { name: 'tanaka', password })
    ).json();
    expect((await call('GET', '/v1/users', session.token)).statusCode).toBe(403);
    expect((await call('GET', '/v1/audit', session.token)).statusCode).toBe(200);
    expect((await call('DELETE', '/v1/session', session.token)).statusCode).toBe(204);
    expect((await call('GET', '/v1/me', session.token)).statusCode).toBe(401);
    const list = await call('GET', '/v1/users', admin);
    expect(list.json().map((u: { name: string }) => u.name)).toEqual(['admin', 'tanaka']);
  });

  it('issues and revokes an API token', async () => {
    const res = await call('POST', '/v1/tokens', admin, { label: 'crm', role: 'system' });
    expect(res.statusCode).toBe(201);
    const { token, secret } = res.json();
    expect((await call('GET', '/v1/me', secret)).json()).toMatchObject({
      kind: 'token',
      name: 'crm',
    });
    expect((await call('DELETE', `/v1/tokens/${token.id}`, admin)).statusCode).toBe(204);
    expect((await call('GET', '/v1/me', secret)).statusCode).toBe(401);
    expect((await call('DELETE', `/v1/tokens/${token.id}`, admin)).statusCode).toBe(404);
  });

  it('lists and verifies the audit log, and rotates keys', async () => {
    const rotated = await call('POST', '/v1/keys/rotate', admin);
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json()).toEqual({ rewrapped: 0 });
    const entries = (await call('GET', '/v1/audit?limit=3', admin)).json();
    expect(entries[0]).toMatchObject({
      action: 'keys.rotate',
      actor: expect.stringMatching(/^usr_/),
    });
    expect(entries).toHaveLength(3);
    const verified = await call('POST', '/v1/audit/verify', admin);
    expect(verified.json()).toMatchObject({ ok: true });
    expect((await call('GET', '/v1/audit?limit=5000', admin)).statusCode).toBe(400);
  });

  it('anchors the chain head and checks anchors, naming one that does not hold', async () => {
    const made = await call('POST', '/v1/audit/anchors', admin);
    expect(made.statusCode).toBe(200);
    const anchor = made.json() as { seq: number; hash: string; at: string; mac: string };
    expect(anchor.seq).toBeGreaterThan(0);
    const altered = { ...anchor, at: '2000-01-01T00:00:00.000Z' };
    const checked = await call('POST', '/v1/audit/anchors/check', admin, {
      anchors: [anchor, altered],
    });
    expect(checked.json()).toEqual([
      { index: 0, ok: true },
      { index: 1, ok: false, problem: expect.stringMatching(/MAC does not verify/) },
    ]);
    const bad = await call('POST', '/v1/audit/anchors/check', admin, { anchors: [{ seq: 1 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/anchors/);
  });

  it('documents its routes in /openapi.json', async () => {
    const doc = (await call('GET', '/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/session',
        '/v1/me',
        '/v1/users',
        '/v1/tokens',
        '/v1/tokens/{id}',
        '/v1/audit',
        '/v1/audit/verify',
        '/v1/audit/anchors',
        '/v1/audit/anchors/check',
        '/v1/keys/rotate',
      ]),
    );
  });

  it('lets an officer of limited scope grant only within it, to users and tokens alike', async () => {
    const created = await call('POST', '/v1/users', admin, {
      name: 'suzuki',
      role: 'privacyOfficer',
      categories: ['name', 'address'],
    });
    expect(created.statusCode).toBe(201);
    const narrow = (
      await call('POST', '/v1/session', undefined, {
        name: 'suzuki',
        password: created.json().password,
      })
    ).json().token as string;
    const wider = [
      { url: '/v1/tokens', payload: { label: 'all of it', role: 'system', categories: 'all' } },
      { url: '/v1/tokens', payload: { label: 'unnamed', role: 'system' } },
      { url: '/v1/users', payload: { name: 'sato2', role: 'operator', categories: ['email'] } },
    ];
    for (const { url, payload } of wider) {
      const res = await call('POST', url, narrow, payload);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('auth.forbidden');
    }
    const outside = await call('POST', '/v1/users', narrow, {
      name: 'sato3',
      role: 'operator',
      categories: ['name', 'email'],
    });
    expect(outside.json().error).toMatchObject({ code: 'auth.forbidden', path: 'categories[1]' });
    // Within the officer's own scope (purposes are theirs in full): granted.
    const within = await call('POST', '/v1/tokens', narrow, {
      label: 'names only',
      role: 'system',
      categories: ['name'],
    });
    expect(within.statusCode).toBe(201);
    // Acting on a principal of wider scope is refused like granting one: the unrestricted
    // admin cannot be disabled, an all-scope token cannot be revoked, by the narrow officer.
    const users = (await call('GET', '/v1/users', admin)).json() as { id: string; name: string }[];
    const adminId = users.find((u) => u.name === 'admin')!.id;
    const disable = await app.inject({
      method: 'PATCH',
      url: `/v1/users/${adminId}`,
      payload: { disabled: true },
      headers: { authorization: `Bearer ${narrow}` },
    });
    expect(disable.statusCode).toBe(403);
    expect(disable.json().error.code).toBe('auth.forbidden');
    const broad = (await call('POST', '/v1/tokens', admin, { label: 'crm', role: 'system' })).json()
      .token.id as string;
    expect((await call('DELETE', `/v1/tokens/${broad}`, narrow)).statusCode).toBe(403);
    expect((await call('DELETE', `/v1/tokens/${within.json().token.id}`, narrow)).statusCode).toBe(
      204,
    );
    expect((await call('DELETE', `/v1/tokens/${broad}`, admin)).statusCode).toBe(204);
  });

  it('grants customer groups only within one’s own, refuses unknown groups, and shows them in /v1/me', async () => {
    const created = await call('POST', '/v1/users', admin, {
      name: 'kimura',
      role: 'privacyOfficer',
      groups: ['REG'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().user.scope).toMatchObject({ groups: ['REG'] });
    const unknown = await call('POST', '/v1/users', admin, {
      name: 'kimura2',
      role: 'operator',
      groups: ['NOPE'],
    });
    expect(unknown.json().error).toMatchObject({
      code: 'security.invalid_scope',
      path: 'groups[0]',
    });
    const narrow = (
      await call('POST', '/v1/session', undefined, {
        name: 'kimura',
        password: created.json().password,
      })
    ).json().token as string;
    expect((await call('GET', '/v1/me', narrow)).json().scope).toMatchObject({
      categories: 'all',
      groups: ['REG'],
    });
    const all = await call('POST', '/v1/tokens', narrow, { label: 'every group', role: 'system' });
    expect(all.json().error).toMatchObject({ code: 'auth.forbidden', path: 'groups' });
    const other = await call('POST', '/v1/users', narrow, {
      name: 'kimura3',
      role: 'operator',
      groups: ['OTH'],
    });
    expect(other.json().error).toMatchObject({ code: 'auth.forbidden', path: 'groups[0]' });
    const within = await call('POST', '/v1/tokens', narrow, {
      label: 'reg only',
      role: 'system',
      groups: ['REG'],
    });
    expect(within.statusCode).toBe(201);
    // The unrestricted admin is of wider customer scope: the narrow officer may not disable it.
    const users = (await call('GET', '/v1/users', admin)).json() as { id: string; name: string }[];
    const disable = await app.inject({
      method: 'PATCH',
      url: `/v1/users/${users.find((u) => u.name === 'admin')!.id}`,
      payload: { disabled: true },
      headers: { authorization: `Bearer ${narrow}` },
    });
    expect(disable.statusCode).toBe(403);
  });

  it('disables a user at once (sessions ended, no sign-in), enables them again, and lists tokens', async () => {
    const created = (
      await call('POST', '/v1/users', admin, { name: 'leaver', role: 'operator' })
    ).json();
    const session = (
      await call('POST', '/v1/session', undefined, {
        name: 'leaver',
        password: created.password,
      })
    ).json().token as string;
    expect((await call('GET', '/v1/me', session)).statusCode).toBe(200);
    const disable = await app.inject({
      method: 'PATCH',
      url: `/v1/users/${created.user.id}`,
      headers: { authorization: `Bearer ${admin}` },
      payload: { disabled: true },
    });
    expect(disable.statusCode).toBe(200);
    expect(disable.json()).toMatchObject({ name: 'leaver', disabled: true });
    expect((await call('GET', '/v1/me', session)).statusCode).toBe(401);
    const again = await call('POST', '/v1/session', undefined, {
      name: 'leaver',
      password: created.password,
    });
    expect(again.statusCode).toBe(401);
    const me = (await call('GET', '/v1/me', admin)).json();
    const self = await app.inject({
      method: 'PATCH',
      url: `/v1/users/${me.id}`,
      headers: { authorization: `Bearer ${admin}` },
      payload: { disabled: true },
    });
    expect(self.statusCode).toBe(400);
    const enable = await app.inject({
      method: 'PATCH',
      url: `/v1/users/${created.user.id}`,
      headers: { authorization: `Bearer ${admin}` },
      payload: { disabled: false },
    });
    expect(enable.json()).toMatchObject({ disabled: false });
    const back = await call('POST', '/v1/session', undefined, {
      name: 'leaver',
      password: created.password,
    });
    expect(back.statusCode).toBe(200);
    const audit = (await call('GET', '/v1/audit?limit=50', admin)).json() as { action: string }[];
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['users.disable', 'users.enable']),
    );

    const issued = (
      await call('POST', '/v1/tokens', admin, { label: 'billing batch', role: 'system' })
    ).json();
    const tokens = await call('GET', '/v1/tokens', admin);
    expect(tokens.statusCode).toBe(200);
    expect(tokens.json().find((t: { id: string }) => t.id === issued.token.id)).toMatchObject({
      label: 'billing batch',
      revokedAt: null,
    });
    expect(tokens.body).not.toContain(issued.secret);
    // The old session stays ended; an operator may not list tokens.
    expect((await call('GET', '/v1/me', session)).statusCode).toBe(401);
    expect((await call('GET', '/v1/tokens', back.json().token)).statusCode).toBe(403);
  });
});
