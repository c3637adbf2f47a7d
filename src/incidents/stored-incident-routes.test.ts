import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppTestContext } from '../app/test-context.ts';
import { testApp } from '../http/test-app.ts';
import { insertCustomersBatch, prepareCustomer } from '../registry/index.ts';
import { buildCustomer, buildPrincipal } from '../registry/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';

describe.each(ENGINES)('incidents over HTTP on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openAppTestContext>>;
  let app: FastifyInstance;
  beforeEach(async () => {
    ctx = await openAppTestContext(engine, { now: Date.parse('2026-11-02T01:00:00Z') });
    app = await testApp(ctx);
  });
  afterEach(async () => {
    await app.close();
    await ctx.close();
  });

  it('records an incident of 1,500 customers as reportable, with its clauses and deadlines', async () => {
    const prepared = Array.from({ length: 1500 }, () =>
      prepareCustomer(ctx.policy, buildCustomer()),
    );
    await insertCustomersBatch(ctx, buildPrincipal({ role: 'system' }), prepared);
    const res = await app.inject({
      method: 'POST',
      url: '/v1/incidents',
      headers: { 'x-test-role': 'privacyOfficer' },
      payload: {
        knownOn: '2026-11-02',
        sensitive: false,
        financial: false,
        wrongful: false,
        encrypted: false,
        affected: { categories: ['email'] },
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      persons: 1500,
      duties: {
        reportable: true,
        clauses: ['BREACH.PERSONS', 'BREACH.PRELIMINARY', 'BREACH.FINAL', 'BREACH.NOTICE'],
        preliminaryDue: '2026-11-04',
        finalDue: '2026-12-01',
      },
      status: 'dueSoon',
    });
    const list = await app.inject({
      method: 'GET',
      url: '/v1/incidents',
      headers: { 'x-test-role': 'auditor' },
    });
    expect(list.json().incidents).toHaveLength(1);
  }, 60_000);

  it('answers 400 naming an unknown field of the body', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/incidents',
      headers: { 'x-test-role': 'privacyOfficer' },
      payload: { knownOn: '2026-11-02', persons: 3 },
    });
    expect(res.statusCode).toBe(400);
  });
});
