import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppTestContext } from '../app/test-context.ts';
import { testApp } from '../http/test-app.ts';
import { createCustomer } from '../registry/index.ts';
import { buildCustomer, buildPrincipal } from '../registry/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';

const po = { 'x-test-role': 'privacyOfficer' };

describe.each(ENGINES)('an incident’s case over HTTP on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openAppTestContext>>;
  let app: FastifyInstance;
  let anonymousLeft: number;
  beforeEach(async () => {
    ctx = await openAppTestContext(engine, { now: Date.parse('2026-11-02T01:00:00Z') });
    anonymousLeft = 1;
    app = await testApp(ctx, {
      violationLimit: async () =>
        anonymousLeft-- > 0 ? { allowed: true } : { allowed: false, retryAfterMs: 1500 },
    });
    const officer = buildPrincipal({ role: 'privacyOfficer' });
    for (let i = 0; i < 2; i++) await createCustomer(ctx, officer, buildCustomer());
  });
  afterEach(async () => {
    await app.close();
    await ctx.close();
  });

  it('goes from a violation report to an incident, its deadlines, the preliminary report and the notices', async () => {
    const reported = await app.inject({
      method: 'POST',
      url: '/v1/public/violations',
      payload: { summary: 'A laptop with customer data was lost on a train.' },
    });
    expect(reported.statusCode).toBe(201);
    expect(Object.keys(reported.json()).sort()).toEqual(['createdAt', 'id']);
    const again = await app.inject({
      method: 'POST',
      url: '/v1/public/violations',
      payload: { summary: 'A second report from the same network.' },
    });
    expect(again.statusCode).toBe(429);
    expect(again.headers['retry-after']).toBe('2');

    const queue = await app.inject({ method: 'GET', url: '/v1/violations', headers: po });
    expect(queue.json().violations).toMatchObject([{ status: 'open', anonymous: true }]);
    const triaged = await app.inject({
      method: 'POST',
      url: `/v1/violations/${reported.json().id}/triage`,
      headers: po,
      payload: {
        action: 'incident',
        incident: {
          knownOn: '2026-11-02',
          sensitive: false,
          financial: true,
          wrongful: false,
          encrypted: false,
          affected: { categories: ['email'] },
        },
      },
    });
    expect(triaged.statusCode).toBe(200);
    const incidentId = triaged.json().incidentId as string;

    const shown = await app.inject({
      method: 'GET',
      url: `/v1/incidents/${incidentId}`,
      headers: { 'x-test-role': 'auditor' },
    });
    expect(shown.json()).toMatchObject({
      persons: 2,
      status: 'dueSoon',
      deadlines: [
        { stage: 'preliminary', due: '2026-11-04', metAt: null },
        { stage: 'final', due: '2026-12-01', metAt: null },
      ],
    });
    const form = await app.inject({
      method: 'GET',
      url: `/v1/incidents/${incidentId}/reports/ppc`,
      headers: po,
    });
    expect(form.json().nextStage).toBe('preliminary');
    const filed = await app.inject({
      method: 'POST',
      url: `/v1/incidents/${incidentId}/reports`,
      headers: po,
      payload: { track: 'ppc', stage: 'preliminary', items: form.json().items },
    });
    expect(filed.statusCode).toBe(201);
    expect(filed.json()).toMatchObject({ version: 1, stage: 'preliminary' });

    const notices = await app.inject({
      method: 'POST',
      url: `/v1/incidents/${incidentId}/notices`,
      headers: po,
      payload: { lang: 'en' },
    });
    expect(notices.json()).toEqual({
      selected: 2,
      queued: 2,
      alreadyNotified: 0,
      erased: 0,
      noAddress: 0,
    });
  });

  it('answers 400 naming an unknown report item, and 403 to an operator filing', async () => {
    const staff = await app.inject({
      method: 'POST',
      url: '/v1/violations',
      headers: { 'x-test-role': 'operator' },
      payload: { summary: 'Passwords written on a note by the screen.' },
    });
    expect(staff.json()).toMatchObject({ reportedBy: expect.any(String), anonymous: false });
    const bad = await app.inject({
      method: 'POST',
      url: '/v1/incidents/x/reports',
      headers: po,
      payload: { track: 'ppc', stage: 'preliminary', items: { victims: 'x' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/victims/);
    const forbidden = await app.inject({
      method: 'POST',
      url: '/v1/incidents/x/reports',
      headers: { 'x-test-role': 'operator' },
      payload: { track: 'ppc', stage: 'preliminary', items: {} },
    });
    expect(forbidden.statusCode).toBe(403);
  });
});
