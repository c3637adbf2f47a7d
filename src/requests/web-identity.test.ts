import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestsDb } from './request-tables.ts';
import { ENGINES } from '../store/test-engines.ts';
import { openWebTestApp } from './web-test-support.ts';

describe.each(ENGINES)('one-time-code identity (REQUEST.WEB) on $name', (engine) => {
  let t: Awaited<ReturnType<typeof openWebTestApp>>;
  beforeEach(async () => {
    t = await openWebTestApp(engine);
    await t.createWebCustomer('Hanako@Example.JP', '090-1111-2222');
  });
  afterEach(() => t.close());

  const start = (payload: object) => t.call('POST', '/v1/public/verifications', { payload });
  const confirm = (id: string, code: string) =>
    t.call('POST', `/v1/public/verifications/${id}/confirm`, { payload: { code } });
  const outboxSize = async () =>
    (await t.call('GET', '/v1/outbox', { token: t.staff() })).json().notices.length as number;

  it('answers the same for an unknown address and puts no code anywhere', async () => {
    const known = await start({ email: 'hanako@example.jp', lang: 'ja' });
    expect(await outboxSize()).toBe(1);
    const unknown = await start({ email: 'nobody@example.jp', lang: 'ja' });
    expect(await outboxSize()).toBe(1);
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(Object.keys(unknown.json()).sort()).toEqual(Object.keys(known.json()).sort());
    expect(unknown.json().channel).toBe('email');
    // Confirming an unknown address's verification looks exactly like a wrong code.
    const wrong = await confirm(unknown.json().verificationId, '123456');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'verification.wrong_code', triesLeft: 4 });
  });

  it('sends the code to the address on file, masked in the list, and exchanges it once for a token', async () => {
    const started = await start({ email: ' HANAKO@example.jp ', lang: 'en' });
    const list = (await t.call('GET', '/v1/outbox', { token: t.staff() })).json().notices;
    expect(list[0]).toMatchObject({
      to: 'h***@e***.jp',
      channel: 'email',
      kind: 'verification.code',
      lang: 'en',
    });
    const notice = await t.newestNotice();
    expect(notice?.subject).toBe('Your verification code');
    const code = /(\d{6})/.exec(notice!.body)![1]!;
    expect(JSON.stringify(list)).not.toContain(code);
    // Staff reading the notice never see the code: they could sign in as the customer.
    expect(notice!.staffBody).toBe('(a one-time code: never shown to staff)');
    const ok = await confirm(started.json().verificationId, code);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().token).toMatch(/^hogo_req_/);
    expect(Date.parse(ok.json().expiresAt) - t.ctx.clock()).toBe(30 * 60_000);
    expect((await confirm(started.json().verificationId, code)).statusCode).toBe(404);
    // The code is stored only as a keyed hash: no row holds it in plain text.
    const rows = await t.ctx.store.db
      .selectFrom('request_verifications' as never)
      .selectAll()
      .execute();
    expect(JSON.stringify(rows)).not.toContain(code);
  });

  it('counts wrong codes, locks after five even against the right code', async () => {
    const started = await start({ phone: '09011112222', lang: 'ja' });
    expect(started.json().channel).toBe('phone');
    const notice = await t.newestNotice();
    expect(notice?.to).toMatch(/^\+81\**22$/);
    const code = /(\d{6})/.exec(notice!.body)![1]!;
    const bad = code === '000000' ? '111111' : '000000';
    const id = started.json().verificationId as string;
    for (const left of [4, 3, 2, 1]) {
      const r = await confirm(id, bad);
      expect([r.statusCode, r.json().error.triesLeft]).toEqual([400, left]);
      expect(r.json().error.message).toContain(`${left}`);
    }
    const fifth = await confirm(id, bad);
    expect([fifth.statusCode, fifth.json().error.code]).toEqual([423, 'verification.locked']);
    const right = await confirm(id, code);
    expect([right.statusCode, right.json().error.code]).toEqual([423, 'verification.locked']);
  });

  it('compares at most five codes however many arrive at once', async () => {
    const started = await start({ phone: '09011112222', lang: 'ja' });
    const code = /(\d{6})/.exec((await t.newestNotice())!.body)![1]!;
    const id = started.json().verificationId as string;
    // Twelve guesses at the same moment, the right code among them last.
    const guesses = Array.from({ length: 11 }, (_, i) => String(100000 + i)).filter(
      (g) => g !== code,
    );
    const answers = await Promise.all([...guesses, code].map((g) => confirm(id, g)));
    const compared = answers.filter((a) => a.json().error?.code === 'verification.wrong_code');
    const row = await requestsDb(t.ctx.store.db)
      .selectFrom('request_verifications')
      .select('failures')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(row.failures)).toBeLessThanOrEqual(5);
    expect(compared.length).toBeLessThanOrEqual(4);
    // Whether the right code came before the lock or not, at most one token was issued.
    expect(answers.filter((a) => a.statusCode === 200).length).toBeLessThanOrEqual(1);
  });

  it('expires a code after ten minutes, and a token after thirty', async () => {
    const started = await start({ email: 'hanako@example.jp', lang: 'en' });
    const code = /(\d{6})/.exec((await t.newestNotice())!.body)![1]!;
    t.ctx.clock.advance(10 * 60_000);
    const late = await confirm(started.json().verificationId, code);
    expect([late.statusCode, late.json().error.code]).toEqual([410, 'verification.expired']);
    const token = await t.verify('hanako@example.jp');
    expect((await t.call('GET', '/v1/public/requests', { token })).statusCode).toBe(200);
    t.ctx.clock.advance(30 * 60_000);
    expect((await t.call('GET', '/v1/public/requests', { token })).statusCode).toBe(401);
    expect((await confirm('ver_nope', '123456')).statusCode).toBe(404);
  });

  it('keeps a requester token to its own customer and off every staff route', async () => {
    const otherId = await t.createWebCustomer('other@example.jp', '090-3333-4444');
    const other = await t.call('POST', '/v1/requests', {
      token: t.staff(),
      payload: {
        kind: 'complaint',
        customerId: otherId,
        requester: { type: 'customer' },
        channel: 'helpdesk',
      },
    });
    const token = await t.verify('hanako@example.jp');
    const otherReq = other.json().id as string;
    expect((await t.call('GET', `/v1/public/requests/${otherReq}`, { token })).statusCode).toBe(
      404,
    );
    expect(
      (await t.call('GET', `/v1/public/requests/${otherReq}/package`, { token })).statusCode,
    ).toBe(404);
    expect((await t.call('GET', '/v1/public/requests', { token })).json().requests).toEqual([]);
    for (const [method, url] of [
      ['GET', '/v1/requests'],
      ['GET', `/v1/requests/${otherReq}`],
      ['GET', `/v1/customers/${otherId}`],
      ['GET', '/v1/outbox'],
      ['GET', '/v1/me'],
      ['POST', '/v1/family-calls'],
    ] as const) {
      const r = await t.call(method, url, { token, ...(method === 'POST' ? { payload: {} } : {}) });
      expect([url, r.statusCode]).toEqual([url, 401]);
    }
    // A staff token is no requester: the public request routes need a verified customer.
    expect((await t.call('GET', '/v1/public/requests', { token: t.staff() })).statusCode).toBe(403);
  });
});
