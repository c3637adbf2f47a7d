import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../app/app-context.ts';
import { createCustomer } from '../registry/index.ts';
import { buildCustomer, buildPrincipal } from '../registry/test-support.ts';
import { openRequestContext } from '../requests/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { deliverNotice } from './deliver-notice.ts';
import { enqueueNotice } from './enqueue-notice.ts';
import { listNotices } from './list-notices.ts';
import { readNotice } from './read-notice.ts';
import { smtpSink } from './test-support.ts';

describe.each(ENGINES)('the outbox on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openRequestContext>>;
  let customerId: string;
  const officer = buildPrincipal({ role: 'privacyOfficer' });
  beforeEach(async () => {
    ctx = await openRequestContext(engine);
    customerId = (await createCustomer(ctx, officer, buildCustomer())).id;
  });
  afterEach(() => ctx.close());

  const enqueue = (kind: 'verification.code' | 'request.outcome' = 'verification.code') =>
    ctx.store.db.transaction().execute((tx) =>
      enqueueNotice(ctx, tx, {
        kind,
        channel: 'email',
        customerId,
        lang: 'en',
        to: 'taro.yamada@example.jp',
        subject: 'Your verification code',
        body: 'Your verification code: 424242\n',
      }),
    );
  const withSmtp = (smtpUrl: string | null): AppContext => ({
    ...ctx,
    mail: { smtpUrl, from: 'privacy@example.jp' },
  });

  it('keeps address and body sealed at rest, masks the address, audits reading the body', async () => {
    const id = await enqueue();
    const rows = await ctx.store.db
      .selectFrom('notices' as never)
      .selectAll()
      .execute();
    const raw = JSON.stringify(rows, (_k, v: unknown) =>
      v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v,
    );
    expect(raw).not.toContain('taro.yamada');
    expect(raw).not.toContain('424242');
    expect((await listNotices(ctx, officer))[0]).toMatchObject({ id, to: 't***@e***.jp' });
    // A one-time code is never shown to staff: whoever read it could sign in as the customer.
    expect((await readNotice(ctx, officer, { noticeId: id })).body).toBe(
      '(a one-time code: never shown to staff)',
    );
    const letter = await enqueue('request.outcome');
    expect((await readNotice(ctx, officer, { noticeId: letter })).body).toContain('424242');
    // A letter may quote a refusal's sentence: a narrower scope reads no body.
    const narrow = buildPrincipal({
      id: 'user-narrow',
      role: 'privacyOfficer',
      scope: { categories: new Set(['phone']), purposes: 'all' },
    });
    expect((await readNotice(ctx, narrow, { noticeId: letter })).body).not.toContain('424242');
    const audit = await ctx.audit.list({ customerId, limit: 10 });
    expect(audit[0]).toMatchObject({ action: 'notice.read', actor: officer.id });
    expect(audit[0]!.detail).toMatchObject({ noticeId: letter });
    await expect(listNotices(ctx, buildPrincipal({ role: 'auditor' }))).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
  });

  it('keeps a notice in the outbox without SMTP, sends it with SMTP and records when', async () => {
    const id = await enqueue();
    expect(await deliverNotice(withSmtp(null), id)).toBe('kept');
    const sink = await smtpSink();
    try {
      expect(await deliverNotice(withSmtp(`smtp://127.0.0.1:${sink.port}`), id)).toBe('sent');
    } finally {
      sink.server.close();
    }
    expect(sink.received).toContain('RCPT TO:<taro.yamada@example.jp>');
    expect(sink.received.join('\n')).toContain('Your verification code: 424242');
    const [listed] = await listNotices(ctx, officer);
    expect(listed).toMatchObject({ sentAt: new Date(ctx.clock()).toISOString(), attempts: 1 });
    // Sent once: a second delivery does nothing.
    expect(await deliverNotice(withSmtp(`smtp://127.0.0.1:${sink.port}`), id)).toBe('kept');
    const audit = await ctx.audit.list({ customerId, limit: 10 });
    expect(audit.some((e) => e.action === 'notice.send')).toBe(true);
  });

  it('records a failed delivery by its code only, for a later attempt', async () => {
    const id = await enqueue();
    const closed = await smtpSink();
    const port = closed.port;
    await new Promise((resolve) => closed.server.close(resolve));
    expect(await deliverNotice(withSmtp(`smtp://127.0.0.1:${port}`), id)).toBe('failed');
    const [listed] = await listNotices(ctx, officer);
    expect(listed).toMatchObject({ failure: 'ESOCKET', attempts: 1 });
    expect(listed?.sentAt).toBeUndefined();
  });
});
