import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { provisionRecordsFor } from '../provision/provision-records-for.ts';
import { buildPrincipal } from '../registry/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { openWebTestApp } from './web-test-support.ts';

const call = {
  relation: 'spouse',
  callerName: '山田　花子',
  statedName: '山田太郎',
  statedAddress: '東京都 千代田区 大手町1-1-1',
  operatorNote: 'ご契約の更新についてのご連絡です。',
};

describe.each(ENGINES)('family callers (PROVIDE.FAMILY) on $name', (engine) => {
  let t: Awaited<ReturnType<typeof openWebTestApp>>;
  let customerId: string;
  beforeEach(async () => {
    t = await openWebTestApp(engine);
    customerId = await t.createWebCustomer('taro@example.jp');
  });
  afterEach(() => t.close());

  const ask = (body: object) =>
    t.call('POST', '/v1/family-calls', {
      token: t.staff(),
      payload: { customerId, ...call, ...body },
    });
  const ledger = () => provisionRecordsFor(t.ctx, buildPrincipal(), customerId);

  it('answers a spouse who states name and address (any width, any spacing) with the permitted fields only', async () => {
    const r = await ask({});
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(Object.keys(body).sort()).toEqual(['answer', 'clauses', 'outcome', 'provisionId']);
    expect(Object.keys(body.answer).sort()).toEqual([
      'address',
      'contracts',
      'name',
      'requirements',
    ]);
    expect(body.answer).toEqual({
      name: '山田 太郎',
      address: expect.stringContaining('千代田区'),
      contracts: [{ service: 'OCN', startedAt: expect.any(String), endedAt: null, lines: 1 }],
      requirements: call.operatorNote,
    });
    expect(JSON.stringify(body)).not.toMatch(/taro@example|\+8190|090/);
    expect(body.clauses[0]).toBe('PROVIDE.FAMILY');
    const rows = await ledger();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      provisionId: body.provisionId,
      clause: 'PROVIDE.FAMILY',
      ground: 'family:spouse',
      // The contract relationship told is recorded with the items.
      itemCategories: ['address', 'contract', 'name'],
      statutory: false,
      recipient: { id: 'family', kind: 'family' },
    });
    const audit = await t.ctx.audit.list({ customerId, limit: 100 });
    // Each service told was decided as a contract item, and that decision audited.
    const contractDecisions = audit.filter(
      (e) => e.action === 'decision' && e.detail?.serviceId !== undefined,
    );
    expect(contractDecisions.map((e) => e.decision)).toEqual(['permit']);
    expect(audit.find((e) => e.action === 'family.answer')?.clauses).toContain('PROVIDE.FAMILY');
    expect(JSON.stringify(audit)).not.toContain('山田　花子');
  });

  it('refuses a friend and a cohabitant without a word about the customer', async () => {
    for (const relation of ['friend', 'cohabitant']) {
      const r = await ask({ relation });
      expect([r.statusCode, r.json().error.code]).toEqual([403, 'family.not_family']);
      expect(r.body).not.toMatch(/山田|千代田|OCN/);
    }
    expect(await ledger()).toEqual([]);
    const audit = await t.ctx.audit.list({ customerId, limit: 100 });
    expect(audit.filter((e) => e.action === 'family.refuse')).toHaveLength(2);
  });

  it('refuses when the name or the address does not match, saying nothing', async () => {
    const name = await ask({ statedName: '山田次郎' });
    expect([name.statusCode, name.json().error.code]).toEqual([422, 'family.mismatch']);
    const address = await ask({ statedAddress: '東京都千代田区大手町2-2-2' });
    expect([address.statusCode, address.json().error.code]).toEqual([422, 'family.mismatch']);
    expect(name.body + address.body).not.toMatch(/山田|太郎|千代田|OCN/);
    expect(await ledger()).toEqual([]);
  });

  it('lets only roles that may answer family callers', async () => {
    const r = await t.call('POST', '/v1/family-calls', {
      token: t.staff('auditor'),
      payload: { customerId, ...call },
    });
    expect(r.statusCode).toBe(403);
  });

  it('fulfils a disclosure of provision records from the ledger, downloadable by the customer', async () => {
    expect((await ask({})).statusCode).toBe(200);
    const token = await t.verify('taro@example.jp', 'ja');
    const filed = (
      await t.call('POST', '/v1/public/requests', {
        token,
        payload: { kind: 'provision-records', requester: { type: 'customer' }, lang: 'ja' },
      })
    ).json();
    // REQUEST.FEE: only a disclosure of Personal Information is charged.
    expect(filed).toMatchObject({ state: 'identityVerified', charged: false });
    const step = (s: string, payload: object = {}) =>
      t.call('POST', `/v1/requests/${filed.id}/${s}`, { token: t.staff(), payload });
    await step('start');
    const fulfilled = await step('fulfil');
    expect(fulfilled.statusCode).toBe(200);
    const pkg = fulfilled.json().provisionRecords;
    expect(pkg.format).toBe('hogo/provision-records@1');
    expect(pkg.records).toHaveLength(1);
    expect(pkg.records[0]).toMatchObject({
      clause: 'PROVIDE.FAMILY',
      recipient: { kind: 'family' },
    });
    expect(fulfilled.json().request.outcome.summary).toMatchObject({ records: 1 });
    const html = await t.call('GET', `/v1/public/requests/${filed.id}/package?format=html`, {
      token,
    });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('<html lang="ja">');
    expect(html.body).toContain('第三者提供記録の開示');
    expect(html.body).toContain('PROVIDE.FAMILY');
    expect(html.body).toContain('氏名');
    const json = await t.call('GET', `/v1/public/requests/${filed.id}/package`, { token });
    expect(json.json()).toEqual(pkg);
  });
});
