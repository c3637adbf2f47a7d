import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openAppTestContext } from '../app/test-context.ts';
import { buildRequest } from '../policy/test-support.ts';
import { MAX_TEXT_LENGTH } from '../policy/decision-request.ts';
import { createApiToken } from '../security/tokens/create-api-token.ts';
import { ENGINES } from '../store/test-engines.ts';
import { buildApp } from './build-app.ts';
import { MAX_BATCH } from './policy-routes.ts';

/** The most an answer to one call may weigh: a full batch of longest-field requests fits. */
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

describe.each(ENGINES)('the public decision cannot be flooded, on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openAppTestContext>>;
  const apps: FastifyInstance[] = [];
  const appWith = async (limits: {
    anonymousPerMinute: number;
    anonymousConcurrent: number;
    anonymousConcurrentTotal?: number;
    tokenPerMinute: number;
  }) => {
    const app = await buildApp({
      policy: ctx.policy,
      context: ctx,
      logLevel: false,
      decideLimits: limits,
    });
    apps.push(app);
    return app;
  };
  const decide = (app: FastifyInstance, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/v1/decide', payload: payload as object, headers });

  beforeAll(async () => {
    ctx = await openAppTestContext(engine);
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await ctx.close();
  });

  it('refuses a string over its length limit, naming the field', async () => {
    const app = await appWith({ anonymousPerMinute: 0, anonymousConcurrent: 0, tokenPerMinute: 0 });
    const long = 'P'.repeat(MAX_TEXT_LENGTH + 1);
    const one = await decide(app, buildRequest({ purpose: long }));
    expect(one.statusCode).toBe(400);
    expect(one.json()).toMatchObject({ error: { path: 'purpose' } });
    const batch = await decide(app, [buildRequest(), buildRequest({ item: { survey: long } })]);
    expect(batch.json()[1]).toMatchObject({ error: { path: 'item.survey' } });
  });

  it('refuses a batch over the cap before parsing it, and bounds the answer of a full one', async () => {
    const app = await appWith({ anonymousPerMinute: 0, anonymousConcurrent: 0, tokenPerMinute: 0 });
    const huge = `[${'{},'.repeat(5_000_000)}{}]`;
    const started = performance.now();
    const refused = await app.inject({
      method: 'POST',
      url: '/v1/decide',
      headers: { 'content-type': 'application/json' },
      payload: huge,
    });
    const refusedMs = performance.now() - started;
    expect(refused.statusCode).toBe(413);
    const parseStarted = performance.now();
    JSON.parse(huge);
    // The count stops at the cap: cheaper than the parse the refusal used to wait for.
    expect(refusedMs).toBeLessThan(performance.now() - parseStarted);
    const longest = buildRequest({ purpose: 'P'.repeat(MAX_TEXT_LENGTH) });
    const full = await decide(
      app,
      Array.from({ length: MAX_BATCH }, () => longest),
    );
    expect(full.statusCode).toBe(200);
    expect(full.rawPayload.length).toBeLessThan(MAX_ANSWER_BYTES);
  });

  it('limits anonymous calls a minute per client (429, Retry-After), and a token is still served', async () => {
    const app = await appWith({ anonymousPerMinute: 3, anonymousConcurrent: 0, tokenPerMinute: 0 });
    const statuses = [];
    for (let n = 0; n < 4; n++) statuses.push((await decide(app, buildRequest())).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await decide(app, buildRequest());
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Refused before the body is read: the connection is closed, so a flood's bodies are not.
    expect(limited.headers.connection).toBe('close');
    expect(limited.json()).toMatchObject({ error: { code: 'decide.rate_limited' } });
    // Another client network has its own count; the count is the database's, so a second
    // server over the same store refuses this client too.
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/v1/decide',
          payload: buildRequest(),
          remoteAddress: '10.0.0.9',
        })
      ).statusCode,
    ).toBe(200);
    const second = await appWith({
      anonymousPerMinute: 3,
      anonymousConcurrent: 0,
      tokenPerMinute: 0,
    });
    expect((await decide(second, buildRequest())).statusCode).toBe(429);
    const { secret } = await createApiToken(ctx, { label: 'crm', role: 'system' }, 'test');
    const headers = { authorization: `Bearer ${secret}` };
    for (let n = 0; n < 5; n++)
      expect((await decide(app, buildRequest(), headers)).statusCode).toBe(200);
    // A minute later the client is served again.
    ctx.clock.advance(61_000);
    expect((await decide(app, buildRequest())).statusCode).toBe(200);
  });

  it('gives a token its own quota when one is set', async () => {
    const app = await appWith({ anonymousPerMinute: 0, anonymousConcurrent: 0, tokenPerMinute: 2 });
    const { secret } = await createApiToken(ctx, { label: 'batch', role: 'system' }, 'test');
    const headers = { authorization: `Bearer ${secret}` };
    const statuses = [];
    for (let n = 0; n < 3; n++)
      statuses.push((await decide(app, buildRequest(), headers)).statusCode);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('limits anonymous calls at once on the server, all clients together', async () => {
    const app = await appWith({
      anonymousPerMinute: 0,
      anonymousConcurrent: 0,
      anonymousConcurrentTotal: 1,
      tokenPerMinute: 0,
    });
    const batch = Array.from({ length: 2_000 }, () => buildRequest());
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, n) =>
        app.inject({
          method: 'POST',
          url: '/v1/decide',
          payload: batch,
          remoteAddress: `10.1.0.${n + 1}`,
        }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses).toContain(200);
    expect(statuses).toContain(429);
    const busy = answers.find((a) => a.statusCode === 429)!;
    expect(busy.headers['retry-after']).toBe('1');
  });

  it('limits anonymous calls at once per client', async () => {
    const app = await appWith({ anonymousPerMinute: 0, anonymousConcurrent: 2, tokenPerMinute: 0 });
    const batch = Array.from({ length: 2_000 }, () => buildRequest());
    const answers = await Promise.all(Array.from({ length: 8 }, () => decide(app, batch)));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2);
    expect(statuses).toContain(429);
    // Once they are done, the client's calls are free again.
    expect((await decide(app, buildRequest())).statusCode).toBe(200);
  });
});
