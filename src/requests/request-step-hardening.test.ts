import { testApp } from '../http/test-app.ts';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCustomer } from '../registry/index.ts';
import { buildCustomer, buildPrincipal } from '../registry/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { openRequestContext } from './test-support.ts';

describe.each(ENGINES)('request steps under hostile input on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openRequestContext>>;
  let app: FastifyInstance;
  let customerId: string;
  beforeEach(async () => {
    ctx = await openRequestContext(engine);
    app = await testApp(ctx);
    customerId = (await createCustomer(ctx, buildPrincipal(), buildCustomer())).id;
  });
  afterEach(async () => {
    await app.close();
    await ctx.close();
  });

  const post = (url: string, payload?: object) =>
    app.inject({
      method: 'POST',
      url,
      headers: { 'x-test-role': 'operator' },
      ...(payload !== undefined ? { payload } : {}),
    });
  const file = async (kind: string) => {
    const res = await post('/v1/requests', {
      kind,
      customerId,
      requester: { type: 'customer' },
      channel: 'helpdesk',
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; fee: { total: number } };
  };

  it('refuses an unknown field on every step, those taking no body too', async () => {
    const { id } = await file('complaint');
    const probe = { __probe_invalid__: 1 };
    expect(
      (await post(`/v1/requests/${id}/verify`, { method: 'callback', ...probe })).statusCode,
    ).toBe(400);
    expect((await post(`/v1/requests/${id}/verify`, { method: 'callback' })).statusCode).toBe(200);
    const start = await post(`/v1/requests/${id}/start`, probe);
    expect(start.statusCode).toBe(400);
    expect(start.body).toContain('__probe_invalid__');
    expect((await post(`/v1/requests/${id}/start`)).statusCode).toBe(200);
    expect((await post(`/v1/requests/${id}/fulfil`, probe)).statusCode).toBe(400);
    expect((await post(`/v1/requests/${id}/fulfil`, {})).statusCode).toBe(200);
    const notify = await post(`/v1/requests/${id}/notify`, probe);
    expect(notify.statusCode).toBe(400);
    // The probe notified nothing: the request is still fulfilled, and an empty body notifies.
    const detail = await app.inject({
      url: `/v1/requests/${id}`,
      headers: { 'x-test-role': 'auditor' },
    });
    expect(detail.json().request?.state ?? detail.json().state).toBe('fulfilled');
    expect((await post(`/v1/requests/${id}/notify`, {})).json().state).toBe('notified');
    expect((await post(`/v1/requests/${id}/cancel`, { reason: 'x', ...probe })).statusCode).toBe(
      400,
    );
  });

  it('answers 409, never 500, to 20 concurrent fulfils of one disclosure', async () => {
    const { id, fee } = await file('disclosure');
    expect((await post(`/v1/requests/${id}/verify`, { method: 'callback' })).statusCode).toBe(200);
    expect((await post(`/v1/requests/${id}/payment`, { amount: fee.total })).statusCode).toBe(200);
    expect((await post(`/v1/requests/${id}/start`)).statusCode).toBe(200);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => post(`/v1/requests/${id}/fulfil`, {})),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 200)).toEqual(Array(19).fill(409));
  }, 60_000);
});
