import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../store/test-engines.ts';
import { registryDb } from '../registry/registry-tables.ts';
import { buildItem } from '../registry/test-support.ts';
import { openWebTestApp } from '../requests/web-test-support.ts';

const LONG_AGO = {
  name: 'OCN',
  startedAt: '2005-05-01T10:00:00+09:00',
  endedAt: '2012-05-01T10:00:00+09:00',
};

describe.each(ENGINES)('retention duties, holds and the purge (RETAIN) on $name', (engine) => {
  let t: Awaited<ReturnType<typeof openWebTestApp>>;
  beforeEach(async () => {
    t = await openWebTestApp(engine);
  });
  afterEach(() => t.close());

  const staff = () => t.staff('privacyOfficer');
  const register = async (payload: object) => {
    const created = await t.call('POST', '/v1/customers', { token: staff(), payload });
    expect(created.statusCode).toBe(201);
    return created.json().id as string;
  };
  const items = async (customerId: string) =>
    (
      (await t.call('GET', `/v1/customers/${customerId}?values=false`, { token: staff() })).json()
        .items as { id: string; category: string }[]
    )
      .map((i) => i.category)
      .sort();
  const deletion = async (customerId: string) => {
    const filed = await t.call('POST', '/v1/requests', {
      token: staff(),
      payload: {
        kind: 'deletion',
        customerId,
        requester: { type: 'customer' },
        channel: 'helpdesk',
        lang: 'en',
      },
    });
    expect(filed.statusCode).toBe(201);
    const id = filed.json().id as string;
    expect((await t.staffStep(id, 'verify', { method: 'idDocument' })).statusCode).toBe(200);
    expect((await t.staffStep(id, 'start')).statusCode).toBe(200);
    return { id, fulfilled: await t.staffStep(id, 'fulfil') };
  };
  const customer = (services: object[], extra: object[] = []) => ({
    group: 'REG',
    items: [
      buildItem({ category: 'name', value: '山田　太郎', channel: 'writing' }),
      buildItem({ category: 'address', value: '東京都千代田区大手町1-1-1', channel: 'writing' }),
      buildItem({ value: 'taro@example.jp' }),
      buildItem({ category: 'behaviour', value: 'viewed the fibre page', service: 'OCN' }),
      ...extra,
    ],
    services,
  });

  it('keeps what two active services and claims assigned to NTT Finance need, erases the rest, and tells why', async () => {
    const id = await register(
      customer(
        [
          { name: 'OCN', startedAt: '2020-04-01T10:00:00+09:00', claimsAssignee: 'ntt-finance' },
          { name: 'Arcstar', startedAt: '2021-04-01T10:00:00+09:00' },
        ],
        [buildItem({ category: 'gender', value: 'female', channel: 'writing' })],
      ),
    );
    const preview = await t.call('GET', `/v1/customers/${id}/retention`, { token: staff() });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().erasable).toHaveLength(2);

    const { id: requestId, fulfilled } = await deletion(id);
    expect(fulfilled.statusCode).toBe(200);
    const request = fulfilled.json().request;
    expect(request.state).toBe('partlyFulfilled');
    expect(request.outcome.refusal.reason).toBe('retainedByDuty');
    // Behaviour and gender: no duty keeps them; name, address, e-mail: the contracts and claims.
    expect(await items(id)).toEqual(['address', 'email', 'name']);
    const kept = request.outcome.summary.kept as { clause: string; categories: string[] }[];
    expect(kept.map((k) => k.clause).sort()).toEqual(['RETAIN.CLAIMS', 'RETAIN.CONTRACT']);

    const letter = await t.newestNotice();
    expect(letter?.requestId).toBe(requestId);
    expect(letter?.body).toContain('has been partly fulfilled');
    expect(letter?.body).toContain('RETAIN.CONTRACT');
    expect(letter?.body).toContain('RETAIN.CLAIMS');
    expect(letter?.body).toMatch(/Behaviour history: erased/);
    expect(letter?.body).toMatch(/Gender: erased/);
    expect(letter?.body).not.toContain('taro@example.jp');

    // Erased item by item: no row (no version, no ciphertext) of the erased items is left.
    const rows = await registryDb(t.ctx.store.db)
      .selectFrom('items')
      .select('category')
      .where('customer_id', '=', id)
      .execute();
    expect(rows.map((r) => r.category).sort()).toEqual(['address', 'email', 'name']);
  });

  it('refuses a deletion whole while a legal hold is in force, and not after its release', async () => {
    const id = await register(customer([LONG_AGO]));
    const placed = await t.call('POST', `/v1/customers/${id}/holds`, {
      token: staff(),
      payload: { reason: 'litigation', reference: 'Tokyo-DC-2026(wa)123' },
    });
    expect(placed.statusCode).toBe(201);
    const bad = await t.call('POST', `/v1/customers/${id}/holds`, {
      token: staff(),
      payload: { reason: 'litigation', reference: '山田 太郎' },
    });
    expect(bad.statusCode).toBe(400);
    const listed = (await t.call('GET', `/v1/customers/${id}/holds`, { token: staff() })).json();
    expect(listed.holds).toMatchObject([{ reason: 'litigation', active: true }]);

    const { fulfilled } = await deletion(id);
    expect(fulfilled.statusCode).toBe(200);
    expect(fulfilled.json().request.state).toBe('refused');
    expect(fulfilled.json().request.outcome.refusal.reason).toBe('legalHold');
    expect(await items(id)).toEqual(['address', 'behaviour', 'email', 'name']);
    expect((await t.newestNotice())?.body).toContain('RETAIN.HOLD');

    const released = await t.call('POST', `/v1/holds/${placed.json().id as string}/release`, {
      token: staff(),
    });
    expect(released.json()).toMatchObject({ active: false });
    const second = await deletion(id);
    expect(second.fulfilled.json().request.state).toBe('fulfilled');
    expect(
      (await t.call('GET', `/v1/customers/${id}?values=false`, { token: staff() })).statusCode,
    ).toBe(404);
  });

  it('purges only customers whose contracts ended and whose duties expired, and no held one', async () => {
    const expired = await register(customer([LONG_AGO]));
    const accounting = await register(
      customer([{ ...LONG_AGO, endedAt: '2024-05-01T10:00:00+09:00' }]),
    );
    const active = await register(
      customer([{ name: 'OCN', startedAt: '2020-04-01T10:00:00+09:00' }]),
    );
    const held = await register(customer([LONG_AGO]));
    await t.call('POST', `/v1/customers/${held}/holds`, {
      token: staff(),
      payload: { reason: 'preservationRequest', until: '2027-01-01T00:00:00+09:00' },
    });

    const dry = await t.call('POST', '/v1/retention/purge', {
      token: staff(),
      payload: { dryRun: true },
    });
    expect(dry.json()).toEqual({ dryRun: true, examined: 3, due: [expired], kept: 2 });
    expect(await items(expired)).toHaveLength(4);

    const operator = await t.call('POST', '/v1/retention/purge', {
      token: t.staff('auditor'),
      payload: {},
    });
    expect(operator.statusCode).toBe(403);
    const run = await t.call('POST', '/v1/retention/purge', { token: staff(), payload: {} });
    expect(run.json()).toMatchObject({ dryRun: false, due: [expired] });
    expect(
      (await t.call('GET', `/v1/customers/${expired}?values=false`, { token: staff() })).statusCode,
    ).toBe(404);
    for (const kept of [accounting, active, held]) expect(await items(kept)).toHaveLength(4);
    const audit = JSON.stringify(
      (await t.call('GET', '/v1/audit?limit=50', { token: staff() })).json(),
    );
    expect(audit).toContain('retention.purge');
  });
});
