import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiToken } from '../security/tokens/create-api-token.ts';
import { ENGINES } from '../store/test-engines.ts';
import { requestsDb } from './request-tables.ts';
import { openWebTestApp } from './web-test-support.ts';

const REFUSAL = 'ご登録の住所は契約書面と一致しています（山田太郎様）。';
const CANCEL = 'Withdrawn by Mr Yamada on the phone; he moved to Osaka.';
const EVIDENCE = 'Power of attorney signed by Yamada Hanako';
const REFERENCE = 'Transfer from YAMADA TARO 0042';
const SURCHARGE = 'Records of Mr Yamada kept on paper in Osaka';
const TEXTS = [REFUSAL, CANCEL, EVIDENCE, REFERENCE, SURCHARGE];

describe.each(ENGINES)('the free texts of requests, sealed, on $name', (engine) => {
  let t: Awaited<ReturnType<typeof openWebTestApp>>;
  let customerId: string;
  beforeEach(async () => {
    t = await openWebTestApp(engine);
    customerId = await t.createWebCustomer('hanako@example.jp');
  });
  afterEach(() => t.close());

  const step = (id: string, name: string, payload: object = {}) => t.staffStep(id, name, payload);
  const file = async (kind: string, requester: object = { type: 'customer' }) => {
    const filed = await t.call('POST', '/v1/requests', {
      token: t.staff(),
      payload: { kind, customerId, requester, channel: 'helpdesk', lang: 'ja' },
    });
    expect(filed.statusCode).toBe(201);
    return filed.json().id as string;
  };
  /** A disclosure by an agent, charged with a surcharge, paid, refused; and a cancelled complaint. */
  const fileWithTexts = async () => {
    const refused = await file('disclosure', {
      type: 'agent',
      authority: 'appointedAgent',
      evidence: EVIDENCE,
    });
    const due = await step(refused, 'verify', {
      method: 'idDocument',
      surcharge: { amount: 500, reason: SURCHARGE },
    });
    expect(due.statusCode).toBe(200);
    expect(due.body).not.toContain(SURCHARGE);
    const paid = await step(refused, 'payment', {
      amount: due.json().fee.total,
      reference: REFERENCE,
    });
    expect(paid.statusCode).toBe(200);
    expect((await step(refused, 'start')).statusCode).toBe(200);
    const answer = await step(refused, 'refuse', {
      refusal: { reason: 'businessInterference', message: REFUSAL },
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.json().outcome.refusal.message).toEqual({ state: 'sealed' });
    const cancelled = await file('complaint');
    expect((await step(cancelled, 'cancel', { reason: CANCEL })).statusCode).toBe(200);
    return { refused, cancelled };
  };
  const textReads = async () =>
    (await t.ctx.audit.list({ limit: 500 })).filter((e) => e.action === 'request.details.read');

  it('keeps no refusal sentence, cancellation reason or other free text in plain text', async () => {
    await fileWithTexts();
    const db = requestsDb(t.ctx.store.db);
    const rows = JSON.stringify([
      await db.selectFrom('requests').selectAll().execute(),
      await db.selectFrom('request_events').selectAll().execute(),
      await t.ctx.store.db
        .selectFrom('audit_log' as never)
        .selectAll()
        .execute(),
    ]);
    expect(rows).toMatch(/sealed/);
    for (const text of TEXTS) expect(rows).not.toContain(text);
  });

  it('shows an auditor that the texts exist but not what they say, and reads them to a full-scope operator, audited', async () => {
    const { refused, cancelled } = await fileWithTexts();
    const list = await t.call('GET', '/v1/requests', { token: t.staff('auditor') });
    expect(list.statusCode).toBe(200);
    const operatorList = await t.call('GET', '/v1/requests', { token: t.staff() });
    for (const text of TEXTS) {
      expect(list.body).not.toContain(text);
      expect(operatorList.body).not.toContain(text);
    }
    const listed = (list.json().requests as { id: string; outcome: unknown }[]).find(
      (r) => r.id === refused,
    );
    expect(listed?.outcome).toMatchObject({
      refusal: { reason: 'businessInterference', message: { state: 'sealed' } },
    });

    const auditor = await t.call('GET', `/v1/requests/${refused}`, { token: t.staff('auditor') });
    expect(auditor.statusCode).toBe(200);
    for (const text of TEXTS) expect(auditor.body).not.toContain(text);
    expect(auditor.json().request).toMatchObject({
      requester: { type: 'agent', evidence: { state: 'sealed' } },
      fee: { surcharge: { amount: 500, reason: { state: 'sealed' } } },
      payment: { reference: { state: 'sealed' } },
      outcome: { refusal: { message: { state: 'sealed' } } },
    });
    // An operator whose scope leaves out any category reads no free text: it may hold anything.
    const narrow = await createApiToken(
      t.ctx,
      { label: 'narrow operator', role: 'operator', categories: ['name', 'email'] },
      'test',
    );
    const narrowView = await t.call('GET', `/v1/requests/${refused}`, { token: narrow.secret });
    for (const text of TEXTS) expect(narrowView.body).not.toContain(text);
    expect(await textReads()).toEqual([]);

    const operator = (await t.call('GET', `/v1/requests/${refused}`, { token: t.staff() })).json();
    expect(operator.request).toMatchObject({
      requester: { evidence: { state: 'shown', text: EVIDENCE } },
      fee: { surcharge: { reason: { state: 'shown', text: SURCHARGE } } },
      payment: { reference: { state: 'shown', text: REFERENCE } },
      outcome: { refusal: { message: { state: 'shown', text: REFUSAL } } },
      details: null,
    });
    const cancelView = (
      await t.call('GET', `/v1/requests/${cancelled}`, { token: t.staff() })
    ).json();
    expect(cancelView.request.cancelled.reason).toEqual({ state: 'shown', text: CANCEL });
    const reads = await textReads();
    expect(reads).toHaveLength(2);
    expect(reads.map((e) => e.detail)).toEqual(
      expect.arrayContaining([
        { requestId: refused, fields: ['evidence', 'surcharge', 'payment', 'refusal'] },
        { requestId: cancelled, fields: ['cancelled'] },
      ]),
    );
    expect((await t.ctx.audit.verify()).ok).toBe(true);
  });

  it('tells the customer their own refusal sentence, on the public route and in the letter', async () => {
    const { refused } = await fileWithTexts();
    const token = await t.verify('hanako@example.jp', 'ja');
    const own = await t.call('GET', `/v1/public/requests/${refused}`, { token });
    expect(own.statusCode).toBe(200);
    expect(own.json().outcome.refusal).toMatchObject({
      reason: 'businessInterference',
      message: REFUSAL,
    });
    expect(own.json().fee.surcharge).toEqual({ amount: 500, reason: SURCHARGE });
    const list = await t.call('GET', '/v1/public/requests', { token });
    expect(list.body).not.toContain(SURCHARGE);
    expect((await textReads()).map((e) => e.detail)).toEqual([
      { requestId: refused, fields: ['surcharge', 'refusal'] },
    ]);
    expect((await step(refused, 'notify')).statusCode).toBe(200);
    const letter = await t.newestNotice();
    expect(letter).toMatchObject({ kind: 'request.outcome', requestId: refused });
    expect(letter!.body).toContain(REFUSAL);
  });

  it('answers every view once the customer is erased, the texts shown as erased', async () => {
    // A contract ended long ago: no retention duty is left (RETAIN), so the erasure is whole.
    customerId = await t.createWebCustomer('hanako.old@example.jp', '09011112222', [
      {
        name: 'OCN',
        startedAt: '2005-05-01T10:00:00+09:00',
        endedAt: '2012-05-01T10:00:00+09:00',
      },
    ]);
    const { refused, cancelled } = await fileWithTexts();
    const open = await file('comment');
    const deletion = await file('deletion');
    expect((await step(deletion, 'verify', { method: 'idDocument' })).statusCode).toBe(200);
    expect((await step(deletion, 'start')).statusCode).toBe(200);
    // What a deletion keeps is read from the retention duties and holds, never chosen by hand.
    const partial = await step(deletion, 'fulfil', {
      partial: { reason: 'alternativeMeasure', message: REFUSAL },
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error).toMatchObject({
      code: 'requests.invalid_fulfilment',
      field: 'partial',
    });
    expect((await step(deletion, 'fulfil')).json().request.state).toBe('fulfilled');
    expect((await step(deletion, 'notify')).statusCode).toBe(200);
    const erased = { state: 'erased' };
    expect((await t.call('GET', `/v1/requests/${deletion}`, { token: t.staff() })).statusCode).toBe(
      200,
    );
    for (const id of [refused, cancelled]) {
      const view = await t.call('GET', `/v1/requests/${id}`, { token: t.staff() });
      expect(view.statusCode).toBe(200);
      for (const text of TEXTS) expect(view.body).not.toContain(text);
      const r = view.json().request;
      if (id === cancelled) expect(r.cancelled.reason).toEqual(erased);
      else expect(r.outcome.refusal.message).toEqual(erased);
      const auditor = await t.call('GET', `/v1/requests/${id}`, { token: t.staff('auditor') });
      expect(auditor.statusCode).toBe(200);
    }
    const list = await t.call('GET', '/v1/requests', { token: t.staff() });
    expect(list.statusCode).toBe(200);
    expect(list.json().requests).toHaveLength(4);
    // The refusal's sentence was sealed under the key the erasure shredded.
    const rows = JSON.stringify(
      await requestsDb(t.ctx.store.db).selectFrom('requests').selectAll().execute(),
    );
    expect(rows).not.toContain(REFUSAL);
    // A request of the erased customer left open can still be closed; its reason is not kept.
    const late = await step(open, 'cancel', { reason: CANCEL });
    expect(late.statusCode).toBe(200);
    const lateView = (await t.call('GET', `/v1/requests/${open}`, { token: t.staff() })).json();
    expect(lateView.request.cancelled.reason).toEqual(erased);
    expect(
      JSON.stringify(await requestsDb(t.ctx.store.db).selectFrom('requests').selectAll().execute()),
    ).not.toContain(CANCEL);
  });

  it('reads a plain text stored before sealing to a full-scope reader only, and seals it at the next event', async () => {
    const id = await file('complaint', {
      type: 'agent',
      authority: 'legalRepresentative',
      evidence: 'placeholder',
    });
    const body = await t.storedRequest(id);
    await t.storeRequest(id, { ...body, requester: { ...body.requester, evidence: EVIDENCE } });

    const auditor = await t.call('GET', `/v1/requests/${id}`, { token: t.staff('auditor') });
    expect(auditor.json().request.requester.evidence).toEqual({ state: 'sealed' });
    expect(auditor.body).not.toContain(EVIDENCE);
    expect((await t.call('GET', '/v1/requests', { token: t.staff() })).body).not.toContain(
      EVIDENCE,
    );
    const operator = await t.call('GET', `/v1/requests/${id}`, { token: t.staff() });
    expect(operator.json().request.requester.evidence).toEqual({ state: 'shown', text: EVIDENCE });

    expect((await step(id, 'verify', { method: 'callback' })).statusCode).toBe(200);
    expect(JSON.stringify(await t.storedRequest(id))).not.toContain(EVIDENCE);
    const again = await t.call('GET', `/v1/requests/${id}`, { token: t.staff() });
    expect(again.json().request.requester.evidence).toEqual({ state: 'shown', text: EVIDENCE });
  });
});
