import { testApp as buildTestApp } from '../http/test-app.ts';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DECIDE_LIMITS } from '../http/decide-limits.ts';
import type { RoleName } from '../security/principal.ts';
import { ENGINES } from '../store/test-engines.ts';
import { buildCustomer, buildItem, openRegistryContext } from './test-support.ts';

/**
 * The real app, its authentication injected: the `x-test-role` header (and `x-test-scope`,
 * comma-separated categories) is the principal.
 */
async function testApp(
  ctx: Awaited<ReturnType<typeof openRegistryContext>>,
): Promise<FastifyInstance> {
  // The rate limits' table is the requests slice's (decide-limits.test.ts covers them); this
  // context holds the registry's tables only.
  return buildTestApp(ctx, {
    decideLimits: { ...DEFAULT_DECIDE_LIMITS, anonymousPerMinute: 0, tokenPerMinute: 0 },
  });
}

describe.each(ENGINES)('registry over HTTP on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openRegistryContext>>;
  let app: FastifyInstance;
  beforeEach(async () => {
    ctx = await openRegistryContext(engine);
    app = await testApp(ctx);
  });
  afterEach(async () => {
    await app.close();
    await ctx.close();
  });
  const as = (role: RoleName, scope?: string) => ({
    'x-test-role': role,
    ...(scope ? { 'x-test-scope': scope } : {}),
  });

  async function create(payload: object = buildCustomer()) {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: as('operator'),
      payload,
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; itemIds: string[] };
  }

  it('creates a customer and reads it back, values only within scope', async () => {
    const { id } = await create();
    const full = await app.inject({
      url: `/v1/customers/${id}?purpose=PURPOSE.REG.1a`,
      headers: as('operator'),
    });
    expect(full.statusCode).toBe(200);
    expect(full.body).toContain('taro.yamada@example.jp');
    const narrow = await app.inject({
      url: `/v1/customers/${id}?purpose=PURPOSE.REG.1a`,
      headers: as('operator', 'name'),
    });
    expect(narrow.body).not.toContain('taro.yamada@example.jp');
    expect(narrow.json().items).toHaveLength(3);
    const auditor = await app.inject({ url: `/v1/customers/${id}`, headers: as('auditor') });
    expect(auditor.statusCode).toBe(200);
    expect(auditor.body).not.toContain('山田');
    const list = await app.inject({ url: '/v1/customers?limit=10', headers: as('auditor') });
    expect(list.json()).toMatchObject({ customers: [{ id }], nextCursor: null });
  });

  it('refuses a staff read of values without a purpose, and one for a suspended purpose citing REQUEST.SUSPEND_USE', async () => {
    const { id, itemIds } = await create();
    const bare = await app.inject({ url: `/v1/customers/${id}`, headers: as('operator') });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error).toMatchObject({
      code: 'registry.purpose_required',
      field: 'purpose',
    });
    expect(bare.body).not.toContain('example.jp');
    const history = await app.inject({
      url: `/v1/items/${itemIds[1]}/history`,
      headers: as('operator'),
    });
    expect(history.json().error.code).toBe('registry.purpose_required');
    // Without values no purpose is needed.
    const provenance = await app.inject({
      url: `/v1/customers/${id}?values=false`,
      headers: as('operator'),
    });
    expect(provenance.statusCode).toBe(200);

    const suspended = await app.inject({
      method: 'POST',
      url: `/v1/customers/${id}/suspensions`,
      headers: as('operator'),
      payload: { kind: 'use', purposes: ['PURPOSE.REG.2a'], from: '2025-01-01T00:00:00+09:00' },
    });
    expect(suspended.statusCode).toBe(201);
    const denied = await app.inject({
      url: `/v1/customers/${id}?purpose=PURPOSE.REG.2a`,
      headers: as('operator'),
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error).toMatchObject({
      code: 'registry.read_denied',
      field: 'purpose',
      purpose: 'PURPOSE.REG.2a',
    });
    expect(denied.json().error.clauses).toContain('REQUEST.SUSPEND_USE');
    expect(denied.body).not.toContain('example.jp');
    const allowed = await app.inject({
      url: `/v1/customers/${id}?purpose=PURPOSE.REG.1b`,
      headers: as('operator'),
    });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.body).toContain('taro.yamada@example.jp');
  });

  it('answers 400 naming the field, never echoing the value', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: as('operator'),
      payload: buildCustomer({ items: [buildItem({ value: 'secret-not-an-email' })] }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'registry.invalid_field', field: 'items[0].value' },
    });
    expect(res.body).not.toContain('secret-not-an-email');
  });

  it('finds customers by e-mail, phone, subscriber line or external ID, one at a time', async () => {
    const { id } = await create(
      buildCustomer({
        externalId: 'ＣＵＳＴ-0042',
        subscriberLines: [{ number: '050-1111-2222' }],
      }),
    );
    await create(buildCustomer({ externalId: 'CUST-0043' }));
    const find = async (query: string, role: RoleName = 'operator') => {
      const res = await app.inject({ url: `/v1/customers?${query}`, headers: as(role) });
      expect(res.statusCode).toBe(200);
      return (res.json().customers as { id: string }[]).map((c) => c.id);
    };
    // Matching an e-mail or phone reads it: an auditor, or an operator whose scope leaves the
    // category out, may not; an external ID is no personal value.
    for (const [headers, query] of [
      [as('auditor'), 'email=taro.yamada%40example.jp'],
      [as('operator', 'name'), 'phone=09012345678'],
    ] as const) {
      const refused = await app.inject({ url: `/v1/customers?${query}`, headers });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('auth.forbidden');
    }
    expect(await find('externalId=CUST-0043', 'auditor')).toHaveLength(1);
    // The external ID as intake stores it (NFKC), the line by its number in any spelling.
    expect(await find('externalId=CUST-0042')).toEqual([id]);
    expect(await find(`phone=${encodeURIComponent('+81 50 1111 2222')}`)).toEqual([id]);
    expect(await find('externalId=CUST-9999')).toEqual([]);
    expect(await find('email=taro.yamada%40example.jp')).toHaveLength(2);
    const both = await app.inject({
      url: '/v1/customers?email=taro.yamada%40example.jp&externalId=CUST-0042',
      headers: as('operator'),
    });
    expect(both.statusCode).toBe(400);
    expect(both.json()).toMatchObject({
      error: { code: 'registry.invalid_field', field: 'externalId' },
    });
    const lookups = (await ctx.audit.list({ limit: 50 })).filter(
      (e) => e.action === 'customer.lookup',
    );
    expect(lookups.map((e) => e.detail?.by)).toEqual([
      'email',
      'externalId',
      'phone',
      'externalId',
      'externalId',
    ]);
    // Whose identifier a lookup confirmed is on record, by id.
    expect(lookups[1]!.detail).toMatchObject({ customerIds: [] });
    expect(lookups[2]!.detail).toMatchObject({ customerIds: [id] });
    expect(JSON.stringify(lookups)).not.toContain('CUST-0042');
  });

  it('refuses writes without registry.write, and unknown customers with 404', async () => {
    const denied = await app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: as('auditor'),
      payload: buildCustomer(),
    });
    expect(denied.statusCode).toBe(403);
    const anonymous = await app.inject({ url: '/v1/customers' });
    expect(anonymous.statusCode).toBe(401);
    const missing = await app.inject({
      url: '/v1/customers/nope?purpose=PURPOSE.REG.1a',
      headers: as('operator'),
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'registry.not_found' } });
  });

  it('updates an item as a new version and shows its history', async () => {
    const { itemIds } = await create();
    const patched = await app.inject({
      method: 'PATCH',
      url: `/v1/items/${itemIds[1]}`,
      headers: as('operator'),
      payload: { value: 'new@example.jp' },
    });
    expect(patched.statusCode).toBe(200);
    const history = await app.inject({
      url: `/v1/items/${patched.json().itemId}/history?purpose=PURPOSE.REG.1a`,
      headers: as('operator'),
    });
    expect(history.json().map((v: { value: string }) => v.value)).toEqual([
      'taro.yamada@example.jp',
      'new@example.jp',
    ]);
  });

  it('records services, lines, consents, opt-outs, suspensions and family links', async () => {
    const { id } = await create();
    const post = (path: string, payload: object) =>
      app.inject({
        method: 'POST',
        url: `/v1/customers/${id}/${path}`,
        headers: as('operator'),
        payload,
      });
    expect(
      (
        await post('services', {
          name: 'ocn-mobile',
          startedAt: '2022-07-01T00:00:00+09:00',
          origin: 'docomo-transfer-2022-07-01',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await post('subscriber-lines', { number: '０８０－１１１１－２２２２' })).statusCode,
    ).toBe(201);
    expect(
      (await post('consents', { purpose: 'PURPOSE.REG.5', at: '2025-01-01T00:00:00+09:00' }))
        .statusCode,
    ).toBe(201);
    expect((await post('opt-outs', { at: '2025-01-01T00:00:00+09:00' })).statusCode).toBe(201);
    expect(
      (await post('suspensions', { kind: 'provision', from: '2025-01-01T00:00:00+09:00' }))
        .statusCode,
    ).toBe(201);
    expect((await post('family-links', { relation: 'child', name: '山田 一郎' })).statusCode).toBe(
      201,
    );
    expect((await post('family-links', { relation: 'friend', name: 'x' })).statusCode).toBe(400);
    expect(
      (
        await post(
          'items',
          buildItem({ category: 'gender', value: 'female', service: 'ocn-mobile' }),
        )
      ).statusCode,
    ).toBe(201);
    const view = (
      await app.inject({
        url: `/v1/customers/${id}?purpose=PURPOSE.REG.1a`,
        headers: as('operator'),
      })
    ).json();
    expect(view.subscriberLines[0].number).toBe('+818011112222');
    expect(view.services[0].transferredFromDocomo).toBe(true);
    expect(view.items).toHaveLength(4);
    expect(view.familyLinks[0].name).toBe('山田 一郎');
    expect([view.consents.length, view.adOptOuts.length, view.suspensions.length]).toEqual([
      1, 1, 1,
    ]);
  });

  it('POST /v1/decide decides by customer and item id with decide.customer, mixed with facts', async () => {
    const { id, itemIds } = await create();
    const byId = {
      customerId: id,
      itemId: itemIds[1],
      purpose: 'PURPOSE.REG.7',
      at: '2026-01-10T09:00:00+09:00',
    };
    const one = await app.inject({
      method: 'POST',
      url: '/v1/decide',
      headers: as('system'),
      payload: byId,
    });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({
      decision: 'deny',
      clauses: expect.arrayContaining(['SP.2022.TRANSITIONAL']),
    });

    const facts = {
      purpose: 'PURPOSE.REG.1b',
      customer: { group: 'REG' },
      item: { category: 'email', acquiredAt: '2023-05-01T10:00:00+09:00' },
    };
    const mixed = await app.inject({
      method: 'POST',
      url: '/v1/decide',
      headers: as('system'),
      payload: [facts, byId, { ...byId, itemId: 'nope' }, { customerId: id }],
    });
    expect(mixed.statusCode).toBe(200);
    expect(
      mixed
        .json()
        .map((o: { decision?: string; error?: { code: string } }) => o.decision ?? o.error?.code),
    ).toEqual(['permit', 'deny', 'registry.not_found', 'request.missing_field']);

    expect(
      (await app.inject({ method: 'POST', url: '/v1/decide', payload: byId })).statusCode,
    ).toBe(401);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/v1/decide',
          headers: as('auditor'),
          payload: byId,
        })
      ).statusCode,
    ).toBe(403);
    const missing = await app.inject({
      method: 'POST',
      url: '/v1/decide',
      headers: as('system'),
      payload: { ...byId, customerId: 'nope' },
    });
    expect(missing.statusCode).toBe(404);
    // The facts form stays public.
    expect(
      (await app.inject({ method: 'POST', url: '/v1/decide', payload: facts })).json(),
    ).toMatchObject({ decision: 'permit' });
  });
});
