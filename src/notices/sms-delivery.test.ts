import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../app/app-context.ts';
import { createCustomer } from '../registry/index.ts';
import { buildCustomer, buildPrincipal } from '../registry/test-support.ts';
import { openRequestContext } from '../requests/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { deliverNotice } from './deliver-notice.ts';
import { enqueueNotice } from './enqueue-notice.ts';
import { listNotices } from './list-notices.ts';
import { mailSettings } from './mail-settings.ts';
import { retryNotices } from './retry-notices.ts';

const MINUTE = 60_000;

/** A fake SMS gateway on 127.0.0.1: answers `status()` and keeps what it was sent. */
async function fakeGateway(status: () => number) {
  const received: { auth: string | undefined; body: unknown }[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => {
      received.push({ auth: req.headers.authorization, body: JSON.parse(text) });
      res.statusCode = status();
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  return { url, received, close: () => new Promise((r) => server.close(r)) };
}

describe.each(ENGINES)('one-time codes by SMS on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openRequestContext>>;
  let customerId: string;
  const officer = buildPrincipal({ role: 'privacyOfficer' });
  const system = buildPrincipal({ id: 'job', role: 'system' });
  beforeEach(async () => {
    ctx = await openRequestContext(engine);
    customerId = (await createCustomer(ctx, officer, buildCustomer())).id;
  });
  afterEach(() => ctx.close());

  const enqueue = () =>
    ctx.store.db.transaction().execute((tx) =>
      enqueueNotice(ctx, tx, {
        kind: 'verification.code',
        channel: 'phone',
        customerId,
        lang: 'ja',
        to: '+819012345678',
        subject: '確認コード',
        body: '確認コード: 424242\n',
      }),
    );
  const withGateway = (url: string | null): AppContext => ({
    ...ctx,
    mail: { smtpUrl: null, from: 'privacy@example.jp', sms: url ? { url, token: 'tok-1' } : null },
  });
  const listed = async (id: string) => (await listNotices(ctx, officer)).find((n) => n.id === id)!;

  it('stays queued without a gateway; is sent through it with the token, and marked sent', async () => {
    const id = await enqueue();
    expect(await deliverNotice(withGateway(null), id)).toBe('kept');
    expect(await listed(id)).toMatchObject({ channel: 'phone', status: 'queued' });
    const gw = await fakeGateway(() => 202);
    try {
      expect(await deliverNotice(withGateway(gw.url), id)).toBe('sent');
    } finally {
      await gw.close();
    }
    expect(gw.received).toEqual([
      { auth: 'Bearer tok-1', body: { to: '+819012345678', body: '確認コード: 424242\n' } },
    ]);
    expect(await listed(id)).toMatchObject({ status: 'sent', attempts: 1, to: '+81********78' });
    const audit = await ctx.audit.list({ customerId, limit: 10 });
    expect(audit.find((e) => e.action === 'notice.send')?.detail).toMatchObject({
      noticeId: id,
      channel: 'phone',
    });
  });

  it('records a refused send by its HTTP status only, and sends it on retry after the backoff', async () => {
    const id = await enqueue();
    let status = 503;
    const gw = await fakeGateway(() => status);
    try {
      const sms = withGateway(gw.url);
      expect(await deliverNotice(sms, id)).toBe('failed');
      const failed = await listed(id);
      expect(failed).toMatchObject({ status: 'retrying', failure: 'http_503', attempts: 1 });
      expect(JSON.stringify(failed)).not.toContain('424242');
      // Not before its backoff.
      expect((await retryNotices(sms, system)).tried).toBe(0);
      ctx.clock.advance(MINUTE);
      status = 200;
      expect(await retryNotices(sms, system)).toEqual({
        smtp: false,
        sms: true,
        tried: 1,
        sent: 1,
        failed: 0,
        gaveUp: 0,
        expired: 0,
      });
      expect(gw.received).toHaveLength(2);
      expect(await listed(id)).toMatchObject({ status: 'sent', attempts: 2 });
    } finally {
      await gw.close();
    }
  });

  it('records an unreachable gateway by the socket code', async () => {
    const id = await enqueue();
    const gw = await fakeGateway(() => 200);
    await gw.close();
    expect(await deliverNotice(withGateway(gw.url), id)).toBe('failed');
    expect(await listed(id)).toMatchObject({ status: 'retrying', failure: 'ECONNREFUSED' });
  });
});

describe('the SMS settings', () => {
  it('need an http(s) URL and its token together', () => {
    expect(mailSettings({}).sms).toBeNull();
    expect(
      mailSettings({ HOGO_SMS_URL: 'https://sms.example/send', HOGO_SMS_TOKEN: 't' }).sms,
    ).toEqual({ url: 'https://sms.example/send', token: 't' });
    expect(() => mailSettings({ HOGO_SMS_URL: 'ftp://x', HOGO_SMS_TOKEN: 't' })).toThrow(
      /HOGO_SMS_URL must be an http/,
    );
    expect(() => mailSettings({ HOGO_SMS_URL: 'https://sms.example/send' })).toThrow(
      /HOGO_SMS_TOKEN/,
    );
  });
});
