import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { bundledPolicy, buildRequest } from '../policy/test-support.ts';
import { requireAccessDeclaration } from './access-guard.ts';
import { buildApp } from './build-app.ts';
import { MAX_BATCH } from './policy-routes.ts';

const app = await buildApp({ policy: bundledPolicy(), logLevel: false });

describe('HTTP', () => {
  it('GET /health answers ok', async () => {
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', policy: 'ntt-com' });
  });

  it('POST /v1/decide decides one request', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/decide', payload: buildRequest() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      decision: 'permit',
      clauses: ['PURPOSE.REG.1b'],
      policyVersion: '2025-02-03',
    });
  });

  it('POST /v1/decide answers 400 with the path of a malformed request', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/decide',
      payload: buildRequest({ item: { acquiredAt: 'last week' } }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { path: 'item.acquiredAt' } });
  });

  it('POST /v1/decide answers an array in order, an error in place of a malformed one', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/decide',
      payload: [buildRequest(), { purpose: 'x' }, buildRequest({ item: { category: 'myNumber' } })],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { decision?: string; error?: unknown }[];
    expect(body.map((o) => o.decision ?? 'error')).toEqual(['permit', 'error', 'deny']);
  });

  it(`refuses a batch of more than ${MAX_BATCH}`, async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/decide',
      payload: Array.from({ length: MAX_BATCH + 1 }, () => ({})),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'request.too_large' } });
  });

  it('refuses a body that is not JSON with a clear error', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/decide',
      headers: { 'content-type': 'application/json' },
      payload: '{"purpose": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toMatch(/^request\./);
  });

  it('GET /v1/policy?at= shows the policy in force at that date', async () => {
    type View = { version: { id: string }; groups: { purposes: { id: string }[] }[] };
    const purposes = async (at: string) => {
      const view = (await app.inject({ method: 'GET', url: `/v1/policy?at=${at}` })).json() as View;
      return {
        version: view.version.id,
        ids: view.groups.flatMap((g) => g.purposes.map((p) => p.id)),
      };
    };
    const before = await purposes('2022-06-30');
    const after = await purposes('2022-07-01');
    expect(before.version).toBe('2005-04-01');
    expect(before.ids).not.toContain('PURPOSE.REG.7');
    expect(after.version).toBe('2022-07-01');
    expect(after.ids).toContain('PURPOSE.REG.7');
    const bad = await app.inject({ method: 'GET', url: '/v1/policy?at=yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'request.invalid_date', path: 'at' } });
    // Impossible calendar dates are refused, never rolled over to the next month.
    for (const at of ['2025-02-30', '2024-02-30', '2025-13-01', '2025-04-31T10:00:00+09:00']) {
      for (const url of [`/v1/policy?at=${at}`, `/policy?at=${encodeURIComponent(at)}`]) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(400);
      }
    }
    expect((await app.inject({ method: 'GET', url: '/v1/policy?at=2024-02-29' })).statusCode).toBe(
      200,
    );
  });

  it('GET /policy?lang=ja renders the Japanese page', async () => {
    const res = await app.inject({ method: 'GET', url: '/policy?lang=ja' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<html lang="ja"');
    expect(res.body).toContain('プライバシーポリシー');
    expect(res.body).toContain('<a href="?lang=en" hreflang="en"');
  });

  it('GET /policy keeps the date asked for in its language switch, and leaves it out embedded', async () => {
    const dated = await app.inject({ method: 'GET', url: '/policy?lang=ja&at=2022-06-30' });
    expect(dated.body).toContain('href="?lang=en&amp;at=2022-06-30"');
    const embedded = await app.inject({ method: 'GET', url: '/policy?lang=ja&embed=true' });
    expect(embedded.statusCode).toBe(200);
    expect(embedded.body).toContain('プライバシーポリシー');
    expect(embedded.body).not.toContain('hreflang=');
  });

  it('GET /openapi.json documents every route', async () => {
    const res = await app.inject({ method: 'GET', url: '/openapi.json' });
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/health', '/v1/decide', '/v1/policy', '/policy']),
    );
  });

  it('answers an unknown route with a stable code', async () => {
    const res = await app.inject({ method: 'GET', url: '/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'route.not_found' } });
  });

  it('refuses to register a route that declares no access', async () => {
    const bare = Fastify();
    requireAccessDeclaration(bare);
    expect(() => bare.get('/secret', async () => 'x')).toThrow(/declares no access/);
    await bare.close();
  });
});
