import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireAccessDeclaration } from '../../http/access-guard.ts';
import { HogoError } from '../../errors/index.ts';
import { statusForCode } from '../../http/http-error.ts';
import { ENGINES } from '../../store/test-engines.ts';
import { openTestContext } from '../test-support.ts';
import { createApiToken } from '../tokens/create-api-token.ts';
import { registerAuthentication } from './register-authentication.ts';
import { requirePermission } from './require-permission.ts';

type Ctx = Awaited<ReturnType<typeof openTestContext>>;

async function testApp(ctx: Ctx | undefined): Promise<FastifyInstance> {
  const app = Fastify();
  requireAccessDeclaration(app);
  registerAuthentication(app, ctx);
  app.setErrorHandler((e, _req, reply) =>
    e instanceof HogoError
      ? reply.status(statusForCode(e.code)).send({ error: { code: e.code } })
      : reply.status(500).send({ error: { code: 'internal' } }),
  );
  app.get('/open', { config: { access: { public: true } } }, async (req) => ({
    principal: req.principal?.name ?? null,
  }));
  app.get('/audit', { config: { access: { permission: 'audit.read' } } }, async (req) => ({
    name: req.principal!.name,
  }));
  app.post('/values', { config: { access: { permission: 'registry.read' } } }, async (req) => {
    // A body-dependent check inside the handler.
    if ((req.body as { withValues?: boolean }).withValues)
      requirePermission(req, 'registry.readValues');
    return { ok: true };
  });
  await app.ready();
  return app;
}

describe.each(ENGINES)('authentication on $name', (engine) => {
  let ctx: Ctx;
  let app: FastifyInstance;
  let auditor: string;
  let system: string;
  beforeAll(async () => {
    ctx = await openTestContext(engine);
    app = await testApp(ctx);
    auditor = (await createApiToken(ctx, { label: 'inspector', role: 'auditor' }, 'system')).secret;
    system = (await createApiToken(ctx, { label: 'billing', role: 'system' }, 'system')).secret;
  });
  afterAll(async () => {
    await app.close();
    await ctx.close();
  });
  const get = (url: string, token?: string) =>
    app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('answers 401 without a token, with a malformed or an unknown one', async () => {
    for (const token of [undefined, 'hogo_tok_nope', 'not a token']) {
      const res = await get('/audit', token);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'auth.unauthenticated' } });
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it('reads the auth scheme case-insensitively (RFC 9110 §11.1)', async () => {
    for (const scheme of ['bearer', 'BEARER', 'BeArEr']) {
      const res = await app.inject({
        method: 'GET',
        url: '/audit',
        headers: { authorization: `${scheme} ${auditor}` },
      });
      expect(res.statusCode).toBe(200);
    }
    const other = await app.inject({
      method: 'GET',
      url: '/audit',
      headers: { authorization: `Basic ${auditor}` },
    });
    expect(other.statusCode).toBe(401);
  });

  it('answers 403 when the role lacks the permission', async () => {
    const res = await get('/audit', system);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ error: { code: 'auth.forbidden' } });
  });

  it('answers 200 and sets the principal when the role holds it', async () => {
    const res = await get('/audit', auditor);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: 'inspector' });
  });

  it('lets a public route through without a token, and signs the caller in when one is sent', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/open' });
    expect(anonymous.json()).toEqual({ principal: null });
    expect((await get('/open', auditor)).json()).toEqual({ principal: 'inspector' });
    expect((await get('/open', 'hogo_tok_forged')).statusCode).toBe(401);
  });

  it('authorizes inside a handler for a body-dependent case', async () => {
    const post = (withValues: boolean) =>
      app.inject({
        method: 'POST',
        url: '/values',
        headers: { authorization: `Bearer ${system}` },
        payload: { withValues },
      });
    expect((await post(false)).statusCode).toBe(200);
    expect((await post(true)).statusCode).toBe(403);
  });
});

describe('authentication without a database', () => {
  it('refuses routes that need a permission instead of opening them', async () => {
    const app = await testApp(undefined);
    const res = await app.inject({
      method: 'GET',
      url: '/audit',
      headers: { authorization: 'Bearer x' },
    });
    expect(res.statusCode).toBe(401);
    await app.close();
  });

  it('refuses to register a route naming an unknown permission', async () => {
    const app = Fastify();
    registerAuthentication(app, undefined);
    expect(() =>
      app.get('/x', { config: { access: { permission: 'everything' } } }, async () => 'x'),
    ).toThrow(/unknown permission 'everything'/);
    await app.close();
  });
});
