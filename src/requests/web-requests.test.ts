import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approvedExport } from '../governance/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { smtpSink } from '../notices/test-support.ts';
import { createApiToken } from '../security/tokens/create-api-token.ts';
import { openWebTestApp } from './web-test-support.ts';

describe.each(ENGINES)('the privacy center’s requests (REQUEST.WEB) on $name', (engine) => {
  let t: Awaited<ReturnType<typeof openWebTestApp>>;
  let customerId: string;
  beforeEach(async () => {
    t = await openWebTestApp(engine);
    customerId = await t.createWebCustomer('hanako@example.jp');
  });
  afterEach(() => t.close());

  const staffStep = (id: string, step: string, payload: object = {}) =>
    t.staffStep(id, step, payload);

  it('files a disclosure verified by the code, and delivers its package once fulfilled', async () => {
    // A provision on record (a family caller answered), which the disclosure must show.
    const family = await t.call('POST', '/v1/family-calls', {
      token: t.staff(),
      payload: {
        customerId,
        relation: 'spouse',
        callerName: '山田　花子',
        statedName: '山田太郎',
        statedAddress: '東京都 千代田区 大手町1-1-1',
      },
    });
    expect(family.statusCode).toBe(200);
    const token = await t.verify('hanako@example.jp', 'en');
    const filed = await t.call('POST', '/v1/public/requests', {
      token,
      payload: {
        kind: 'disclosure',
        requester: { type: 'customer' },
        lang: 'en',
        details: 'Everything you hold, please.',
      },
    });
    expect(filed.statusCode).toBe(201);
    const r = filed.json();
    expect(r).toMatchObject({
      kind: 'REQUEST.DISCLOSURE',
      channel: 'web',
      state: 'feeDue',
      lang: 'en',
    });
    expect(r.identity.method).toBe('oneTimeCode');
    expect(JSON.stringify(r)).not.toContain('Everything you hold');
    const staffView = await t.call('GET', `/v1/requests/${r.id}`, { token: t.staff() });
    expect(staffView.json().request.details).toEqual({
      state: 'shown',
      text: 'Everything you hold, please.',
    });
    expect(staffView.json().packageAvailable).toBe(false);
    const auditorView = await t.call('GET', `/v1/requests/${r.id}`, { token: t.staff('auditor') });
    expect(auditorView.json().request.details).toEqual({ state: 'sealed' });
    expect(auditorView.body).not.toContain('Everything you hold');
    const early = await t.call('GET', `/v1/public/requests/${r.id}/package`, { token });
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'request.not_fulfilled']);

    expect((await staffStep(r.id, 'payment', { amount: r.fee.total })).statusCode).toBe(200);
    expect((await staffStep(r.id, 'start')).statusCode).toBe(200);
    const fulfilled = await staffStep(r.id, 'fulfil');
    expect(fulfilled.json().request.state).toBe('fulfilled');

    const list = (await t.call('GET', '/v1/public/requests', { token })).json().requests;
    expect(list).toEqual([
      expect.objectContaining({
        id: r.id,
        kind: 'REQUEST.DISCLOSURE',
        state: 'fulfilled',
        shortKind: 'disclosure',
      }),
    ]);
    const detail = (await t.call('GET', `/v1/public/requests/${r.id}`, { token })).json();
    expect(detail.packageAvailable).toBe(true);
    expect(detail.deliversPackage).toBe(true);
    const staffDone = await t.call('GET', `/v1/requests/${r.id}`, { token: t.staff('auditor') });
    expect(staffDone.json().packageAvailable).toBe(true);
    expect(detail.history.map((h: { type: string }) => h.type)).toEqual([
      'file',
      'verify',
      'requestFee',
      'pay',
      'start',
      'fulfil',
    ]);
    expect(JSON.stringify(detail)).not.toMatch(/"actor"|"by"|test operator/);

    const json = await t.call('GET', `/v1/public/requests/${r.id}/package?format=json`, { token });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toBe(
      `attachment; filename="disclosure-${r.id}.json"`,
    );
    const pkg = json.json();
    expect(pkg.format).toBe('hogo/disclosure@1');
    const email = pkg.items.find((i: { category: string }) => i.category === 'email');
    expect(email.value).toBe('hanako@example.jp');
    expect(email.purposes.length).toBeGreaterThan(0);
    expect(email.purposes[0].clauses.length).toBeGreaterThan(0);
    expect(pkg.provisionRecords).toEqual([
      expect.objectContaining({ clause: 'PROVIDE.FAMILY', itemCategories: expect.any(Array) }),
    ]);

    const html = await t.call('GET', `/v1/public/requests/${r.id}/package?format=html`, { token });
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.headers['content-disposition']).toContain('.html');
    expect(html.body).toContain('<html lang="en">');
    expect(html.body).toContain('Disclosure of your personal information');
    expect(html.body).toContain('hanako@example.jp');
    expect(html.body).toContain('E-mail address');
    expect(html.body).toContain('Records of provision to third parties');
    expect(html.body).toContain('PROVIDE.FAMILY');
    expect(html.body).not.toMatch(/<script|https?:\/\//);

    // SECURITY.5: a staff download is made on an approval by a second person, used once.
    const unapproved = await t.call('GET', `/v1/requests/${r.id}/package`, { token: t.staff() });
    expect([unapproved.statusCode, unapproved.json().error.code]).toEqual([
      422,
      'approval.required',
    ]);
    const approvalId = await approvedExport(t.ctx, 'package', r.id);
    const staffPkg = await t.call('GET', `/v1/requests/${r.id}/package?approvalId=${approvalId}`, {
      token: t.staff(),
    });
    expect(staffPkg.json().requestId).toBe(r.id);
    expect(staffPkg.headers['hogo-approval-id']).toBe(approvalId);
    expect(
      (await t.call('GET', `/v1/requests/${r.id}/package`, { token: t.staff('auditor') }))
        .statusCode,
    ).toBe(403);
    // An operator whose scope leaves out the e-mail address reads no package holding one.
    const narrow = await createApiToken(
      t.ctx,
      { label: 'narrow operator', role: 'operator', categories: ['name'] },
      'test',
    );
    const refused = await t.call(
      'GET',
      `/v1/requests/${r.id}/package?approvalId=${await approvedExport(t.ctx, 'package', r.id)}`,
      { token: narrow.secret },
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('hanako');
    const audit = await t.ctx.audit.list({ limit: 500 });
    expect(audit.filter((e) => e.action === 'request.package.read')).toHaveLength(3);
    expect(audit.filter((e) => e.action === 'request.details.read')).toHaveLength(1);

    expect((await staffStep(r.id, 'notify')).json().state).toBe('notified');
    const letter = await t.newestNotice();
    expect(letter).toMatchObject({
      kind: 'request.outcome',
      lang: 'en',
      requestId: r.id,
      to: 'h***@e***.jp',
    });
    expect(letter!.subject).toBe('The outcome of your request (Disclosure)');
    expect(letter!.body).toContain(`Your request for Disclosure (reference ${r.id})`);
    expect(letter!.body).toContain('has been fulfilled');
    expect(letter!.body).toContain(`/v1/public/requests/${r.id}/package`);
  });

  it('tells a refusal in Japanese with the law’s ground and staff’s sentence', async () => {
    const token = await t.verify('hanako@example.jp', 'ja');
    const filed = (
      await t.call('POST', '/v1/public/requests', {
        token,
        payload: { kind: 'amendment', requester: { type: 'customer' }, lang: 'ja' },
      })
    ).json();
    expect(filed.state).toBe('identityVerified');
    await staffStep(filed.id, 'start');
    const refused = await staffStep(filed.id, 'refuse', {
      refusal: { reason: 'contentAccurate', message: 'ご登録の住所は契約書面と一致しています。' },
    });
    expect(refused.json().state).toBe('refused');
    const noPkg = await t.call('GET', `/v1/public/requests/${filed.id}/package`, { token });
    expect(noPkg.statusCode).toBe(409);
    await staffStep(filed.id, 'notify');
    const letter = await t.newestNotice();
    expect(letter).toMatchObject({ kind: 'request.outcome', lang: 'ja', requestId: filed.id });
    expect(letter!.subject).toBe('ご請求の結果のお知らせ（訂正）');
    expect(letter!.body).toContain('ご請求に応じることができませんでした');
    expect(letter!.body).toContain('調査の結果、当該データの内容は事実であることが確認されたため');
    expect(letter!.body).toContain('APPI Art. 34(1)');
    expect(letter!.body).toContain('ご登録の住所は契約書面と一致しています。');
    expect(letter!.body).not.toContain('ダウンロード');
    const detail = (await t.call('GET', `/v1/public/requests/${filed.id}`, { token })).json();
    expect(detail.outcome.refusal).toMatchObject({
      reason: 'contentAccurate',
      article: 'APPI Art. 34(1)',
      message: 'ご登録の住所は契約書面と一致しています。',
    });
  });

  it('files for the token’s customer by the web, refuses fields it does not take, and checks its lines', async () => {
    const token = await t.verify('hanako@example.jp');
    // The customer and the channel are the token's and the web's: a body naming them is refused.
    const naming = await t.call('POST', '/v1/public/requests', {
      token,
      payload: {
        kind: 'complaint',
        requester: { type: 'customer' },
        customerId: 'x',
        channel: 'helpdesk',
      },
    });
    expect(naming.statusCode).toBe(400);
    expect(naming.json().error).toMatchObject({ code: 'request.invalid', field: 'customerId' });
    const r = await t.call('POST', '/v1/public/requests', {
      token,
      payload: { kind: 'complaint', requester: { type: 'customer' } },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ channel: 'web', state: 'identityVerified' });
    const bad = await t.call('POST', '/v1/public/requests', {
      token,
      payload: { kind: 'complaint', requester: { type: 'customer' }, lineIds: ['not-mine'] },
    });
    expect(bad.json().error.code).toBe('requests.invalid_line');
    const unknown = await t.call('POST', '/v1/public/requests', {
      token,
      payload: { kind: 'nonsense', requester: { type: 'customer' } },
    });
    expect(unknown.json().error.code).toBe('requests.invalid_kind');
  });

  it('signs a customer out: the requester token is refused from then on, the sign-out audited', async () => {
    const token = await t.verify('hanako@example.jp');
    expect((await t.call('GET', '/v1/public/requests', { token })).statusCode).toBe(200);
    const out = await t.app.inject({
      method: 'DELETE',
      url: '/v1/public/session',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.statusCode).toBe(204);
    expect((await t.call('GET', '/v1/public/requests', { token })).statusCode).toBe(401);
    const audit = await t.ctx.audit.list({ limit: 20 });
    expect(audit.map((e) => e.action)).toContain('requester.signOut');
  });

  it('leaves an agent’s web request received: the code proves the mailbox, not the authority', async () => {
    const token = await t.verify('hanako@example.jp');
    const r = await t.call('POST', '/v1/public/requests', {
      token,
      payload: {
        kind: 'disclosure',
        requester: {
          type: 'agent',
          authority: 'legalRepresentative',
          evidence: 'Family register extract',
        },
      },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ state: 'received', identity: null });
    // Staff check the agent's document, then the request goes on as any other.
    expect((await t.staffStep(r.json().id, 'verify', { method: 'idDocument' })).statusCode).toBe(
      200,
    );
  });

  it('tells a deletion’s outcome: the letter is written before the erasure and sent by SMTP', async () => {
    // A contract that ended long ago: no retention duty is left (RETAIN), so the erasure is whole.
    customerId = await t.createWebCustomer('hanako.old@example.jp', '09011112222', [
      {
        name: 'OCN',
        startedAt: '2005-05-01T10:00:00+09:00',
        endedAt: '2012-05-01T10:00:00+09:00',
      },
    ]);
    const sink = await smtpSink();
    try {
      (t.ctx as { mail: unknown }).mail = {
        smtpUrl: `smtp://127.0.0.1:${sink.port}`,
        from: 'privacy@example.jp',
      };
      const token = await t.verify('hanako.old@example.jp', 'en');
      const sent = sink.received.length;
      const filed = await t.call('POST', '/v1/public/requests', {
        token,
        payload: { kind: 'deletion', requester: { type: 'customer' }, lang: 'en' },
      });
      const r = filed.json();
      expect(r.state).toBe('identityVerified');
      expect((await staffStep(r.id, 'start')).statusCode).toBe(200);
      expect((await staffStep(r.id, 'fulfil')).statusCode).toBe(200);
      expect(
        (await t.call('GET', `/v1/customers/${customerId}?values=false`, { token: t.staff() }))
          .statusCode,
      ).toBe(404);

      // Sent from memory after the commit: nothing of the customer can be decrypted any more.
      // (The verification code's mail may still be arriving: wait for the letter itself.)
      const letterMail = () => sink.received.slice(sent).find((m) => m.includes(r.id)) ?? '';
      for (let i = 0; i < 300 && letterMail() === ''; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const mail = letterMail();
      expect(mail).toContain('hanako.old@example.jp');
      expect(mail).toContain(r.id);
      expect((await staffStep(r.id, 'notify')).statusCode).toBe(200);
      // Erased with the customer: the one-time code's notice at once, the letter once sent;
      // the audit tells that it was sent.
      const erasedLetter = async () =>
        (await t.ctx.audit.list({ limit: 50 })).find(
          (e) => e.action === 'notice.erase' && e.customerId === customerId,
        );
      for (let i = 0; i < 100 && (await erasedLetter()) === undefined; i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await erasedLetter())?.detail).toMatchObject({ kind: 'request.outcome', sent: true });
      const after = (await t.call('GET', '/v1/outbox?limit=500', { token: t.staff() })).json()
        .notices as { requestId?: string; to: string }[];
      expect(after.filter((n) => n.requestId === r.id)).toEqual([]);
      expect(after.filter((n) => /^h\*+@e\*+\.jp$/.test(n.to))).toEqual([]);
    } finally {
      sink.server.close();
    }
  });

  it('tells a correction what changed, by category and never by value', async () => {
    const token = await t.verify('hanako@example.jp', 'ja');
    const r = (
      await t.call('POST', '/v1/public/requests', {
        token,
        payload: { kind: 'amendment', requester: { type: 'customer' }, lang: 'ja' },
      })
    ).json();
    const customer = (
      await t.call('GET', `/v1/customers/${customerId}?values=false`, { token: t.staff() })
    ).json() as { items: { id: string; category: string }[] };
    const email = customer.items.find((i) => i.category === 'email')!;
    expect((await staffStep(r.id, 'start')).statusCode).toBe(200);
    const fulfilled = await staffStep(r.id, 'fulfil', {
      amendments: [{ itemId: email.id, update: { value: 'hanako.new@example.jp' } }],
    });
    expect(fulfilled.statusCode).toBe(200);
    expect((await staffStep(r.id, 'notify')).statusCode).toBe(200);
    const letter = await t.newestNotice();
    expect(letter!.body).toContain('変更した内容：');
    expect(letter!.body).toMatch(/・.+：訂正しました/);
    expect(letter!.body).not.toContain('hanako.new@example.jp');
  });
});
