import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppTestContext } from '../app/test-context.ts';
import { testApp } from '../http/test-app.ts';
import { ENGINES } from '../store/test-engines.ts';

describe.each(ENGINES)('self-inspections over HTTP on $name (SECURITY.3)', (engine) => {
  let ctx: Awaited<ReturnType<typeof openAppTestContext>>;
  let app: FastifyInstance;
  beforeEach(async () => {
    // 2027-04-01 09:00 in Japan: the first inspections, due 2027-03-31, are overdue.
    ctx = await openAppTestContext(engine, { now: Date.parse('2027-04-01T00:00:00Z') });
    app = await testApp(ctx);
  });
  afterEach(async () => {
    await app.close();
    await ctx.close();
  });
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers: { 'x-test-role': 'privacyOfficer' }, payload });

  it('starts, answers with a follow-up, shows and closes an inspection', async () => {
    const listed = (await call('GET', '/v1/inspections')).json() as {
      inspections: { department: string; overdue: boolean }[];
    };
    expect(listed.inspections.map((i) => i.overdue)).toEqual([true, true, true]);
    const started = await call('POST', '/v1/inspections', {
      checklistId: 'handling-self-check',
      department: 'marketing',
    });
    expect(started.statusCode).toBe(201);
    const id = (started.json() as { id: string }).id;
    const unknown = await call('POST', `/v1/inspections/${id}/answers`, {
      answers: [{ questionId: 'shredder-emptied', result: 'ok' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      error: { code: 'inspection.unknown_question', field: 'answers[0].questionId' },
    });
    const answered = await call('POST', `/v1/inspections/${id}/answers`, {
      answers: [
        { questionId: 'access-reviewed', result: 'ok' },
        {
          questionId: 'training-held',
          result: 'finding',
          finding: 'one lapsed completion',
          followUps: [{ action: 'renew it', owner: 'marketing lead', dueOn: '2027-04-30' }],
        },
        { questionId: 'take-outs-approved', result: 'ok' },
        { questionId: 'physical-security', result: 'ok' },
      ],
    });
    expect(answered.statusCode).toBe(200);
    expect((await call('POST', `/v1/inspections/${id}/close`)).statusCode).toBe(204);
    const view = await app.inject({
      method: 'GET',
      url: `/v1/inspections/${id}`,
      headers: { 'x-test-role': 'auditor' },
    });
    expect(view.json()).toMatchObject({
      state: 'closed',
      followUps: [{ owner: 'marketing lead', dueOn: '2027-04-30', state: 'open' }],
    });
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.paths['/v1/inspections/{id}/answers'].post.tags).toEqual(['governance']);
  });
});
