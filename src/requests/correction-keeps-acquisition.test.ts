import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp } from '../http/test-app.ts';
import { buildCustomer, buildItem } from '../registry/test-support.ts';
import type { RoleName } from '../security/principal.ts';
import { ENGINES } from '../store/test-engines.ts';
import { openRequestContext } from './test-support.ts';

const AT = '2026-01-10T09:00:00+09:00';
const ACQUIRED = '2022-06-15T10:00:00+09:00';

describe.each(ENGINES)('a correction never widens use, on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openRequestContext>>;
  let app: FastifyInstance;
  beforeEach(async () => {
    ctx = await openRequestContext(engine);
    app = await testApp(ctx);
  });
  afterEach(async () => {
    await app.close();
    await ctx.close();
  });

  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const role: RoleName = url === '/v1/decide' ? 'system' : 'operator';
    const res = await app.inject({
      method,
      url,
      headers: { 'x-test-role': role },
      ...(payload !== undefined ? { payload } : {}),
    });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };

  /** The customer: an e-mail acquired 2022-06-15 under a service transferred from NTT DOCOMO. */
  async function transferredCustomer(): Promise<{ id: string; emailId: string }> {
    const created = await call(
      'POST',
      '/v1/customers',
      buildCustomer({
        services: [
          {
            name: 'ocn-mobile',
            startedAt: '2019-04-01T00:00:00+09:00',
            origin: 'docomo-transfer-2022-07-01',
          },
        ],
        items: [
          buildItem({
            category: 'email',
            value: 'old@example.jp',
            acquiredAt: ACQUIRED,
            service: 'ocn-mobile',
            source: 'indirect',
            provider: 'docomo',
          }),
        ],
      }),
    );
    return { id: created.id, emailId: created.itemIds[0] };
  }

  const reg7 = (customerId: string, itemId: string) =>
    call('POST', '/v1/decide', { customerId, itemId, purpose: 'PURPOSE.REG.7', at: AT });

  it('PATCH keeps the first acquisition: REG.7 stays denied, the correction is shown beside it', async () => {
    const { id, emailId } = await transferredCustomer();
    const before = await reg7(id, emailId);
    expect(before).toMatchObject({ decision: 'deny' });
    expect(before.clauses[0]).toBe('SP.2022.TRANSITIONAL');

    const patched = await call('PATCH', `/v1/items/${emailId}`, {
      value: 'new@example.jp',
      channel: 'verbal',
    });
    const after = await reg7(id, patched.itemId);
    expect(after).toMatchObject({ decision: 'deny', clauses: before.clauses });

    const view = await call('GET', `/v1/customers/${id}?purpose=PURPOSE.REG.1a`);
    const email = view.items.find((i: { category: string }) => i.category === 'email');
    expect(email).toMatchObject({
      id: patched.itemId,
      value: 'new@example.jp',
      acquiredAt: new Date(ACQUIRED).toISOString(),
      channel: 'electronic',
      source: 'indirect',
      provider: 'docomo',
      correction: {
        at: '2026-01-10T00:00:00.000Z',
        channel: 'verbal',
        source: 'direct',
        provider: null,
        requestId: null,
      },
    });
    const history = await call('GET', `/v1/items/${patched.itemId}/history?purpose=PURPOSE.REG.1a`);
    const versions = history;
    expect(versions[0].policyVersion).toBe(versions[1].policyVersion);
    expect(versions[0].serviceId).toBe(versions[1].serviceId);
  });

  it('an amendment request keeps the acquisition and names itself as the correction’s cause', async () => {
    const { id, emailId } = await transferredCustomer();
    const filed = await call('POST', '/v1/requests', {
      kind: 'amendment',
      customerId: id,
      requester: { type: 'customer' },
      channel: 'helpdesk',
    });
    await call('POST', `/v1/requests/${filed.id}/verify`, { method: 'callback' });
    await call('POST', `/v1/requests/${filed.id}/start`);
    const fulfilled = await call('POST', `/v1/requests/${filed.id}/fulfil`, {
      amendments: [{ itemId: emailId, update: { value: 'fixed@example.jp' } }],
    });
    const newId = fulfilled.request.outcome.summary.updated[0].itemId as string;
    expect(await reg7(id, newId)).toMatchObject({ decision: 'deny' });
    const view = await call('GET', `/v1/customers/${id}?purpose=PURPOSE.REG.1a`);
    const email = view.items.find((i: { id: string }) => i.id === newId);
    expect(email).toMatchObject({
      acquiredAt: new Date(ACQUIRED).toISOString(),
      source: 'indirect',
      correction: { source: 'direct', requestId: filed.id, at: '2026-01-10T00:00:00.000Z' },
    });
  });
});
