import { testApp } from '../http/test-app.ts';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCustomer } from '../registry/index.ts';
import { buildCustomer, buildPrincipal } from '../registry/test-support.ts';
import type { RoleName } from '../security/principal.ts';
import { ENGINES } from '../store/test-engines.ts';
import { openRequestContext } from './test-support.ts';

describe.each(ENGINES)('requests over HTTP on $name', (engine) => {
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

  const post = (url: string, payload?: object, role: RoleName = 'operator') =>
    app.inject({
      method: 'POST',
      url,
      headers: { 'x-test-role': role },
      ...(payload !== undefined ? { payload } : {}),
    });

  it('files a complaint, walks it to notified and shows its history', async () => {
    const filed = await post('/v1/requests', {
      kind: 'complaint',
      customerId,
      requester: { type: 'customer' },
      channel: 'helpdesk',
    });
    expect(filed.statusCode).toBe(201);
    const id = filed.json().id as string;
    expect((await post(`/v1/requests/${id}/verify`, { method: 'callback' })).statusCode).toBe(200);
    expect((await post(`/v1/requests/${id}/start`)).statusCode).toBe(200);
    const fulfilled = await post(`/v1/requests/${id}/fulfil`, {});
    expect(fulfilled.json().request.state).toBe('fulfilled');
    expect((await post(`/v1/requests/${id}/notify`)).json().state).toBe('notified');
    const detail = await app.inject({
      url: `/v1/requests/${id}`,
      headers: { 'x-test-role': 'auditor' },
    });
    expect(detail.json().events).toHaveLength(5);
    const list = await app.inject({
      url: '/v1/requests?state=notified&kind=complaint',
      headers: { 'x-test-role': 'auditor' },
    });
    expect(list.json().requests.map((r: { id: string }) => r.id)).toEqual([id]);
  });

  it('answers 409 for an illegal step, 400 for a surcharge without reason, 403 for an auditor', async () => {
    const id = (
      await post('/v1/requests', {
        kind: 'disclosure',
        customerId,
        requester: { type: 'customer' },
        channel: 'web',
      })
    ).json().id as string;
    const early = await post(`/v1/requests/${id}/start`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'requests.illegal_transition',
      state: 'received',
      event: 'start',
    });
    const noReason = await post(`/v1/requests/${id}/verify`, {
      method: 'idDocument',
      surcharge: { amount: 500, reason: ' ' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('requests.surcharge_reason_required');
    expect((await post(`/v1/requests/${id}/cancel`, { reason: 'x' }, 'auditor')).statusCode).toBe(
      403,
    );
    expect(
      (await app.inject({ url: '/v1/requests/nope', headers: { 'x-test-role': 'auditor' } }))
        .statusCode,
    ).toBe(404);
  });
});
