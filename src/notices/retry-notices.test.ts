import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../app/app-context.ts';
import { openContext } from '../app/open-context.ts';
import { createCustomer, deleteCustomer } from '../registry/index.ts';
import { buildCustomer, buildPrincipal } from '../registry/test-support.ts';
import { openRequestContext } from '../requests/test-support.ts';
import { tempDir } from '../security/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { deliverNotice } from './deliver-notice.ts';
import { enqueueNotice } from './enqueue-notice.ts';
import { listNotices } from './list-notices.ts';
import { retryNotices } from './retry-notices.ts';
import { closedPort, smtpSink } from './test-support.ts';

const MINUTE = 60_000;

describe.each(ENGINES)('trying failed notices again on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openRequestContext>>;
  let customerId: string;
  const officer = buildPrincipal({ role: 'privacyOfficer' });
  const system = buildPrincipal({ id: 'job', role: 'system' });
  beforeEach(async () => {
    ctx = await openRequestContext(engine);
    customerId = (await createCustomer(ctx, officer, buildCustomer())).id;
  });
  afterEach(() => ctx.close());

  const enqueue = (body = 'Your verification code: 424242\n', expiresAt?: number) =>
    ctx.store.db.transaction().execute((tx) =>
      enqueueNotice(ctx, tx, {
        kind: 'verification.code',
        channel: 'email',
        customerId,
        lang: 'en',
        to: 'taro.yamada@example.jp',
        subject: 'Your verification code',
        body,
        ...(expiresAt !== undefined ? { expiresAt } : {}),
      }),
    );
  const withSmtp = (port: number): AppContext => ({
    ...ctx,
    mail: { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'privacy@example.jp' },
  });
  const listed = async (id: string) => (await listNotices(ctx, officer)).find((n) => n.id === id)!;

  it('waits 1, 5, 30 and 30 minutes between tries, then marks the notice failed for good', async () => {
    const down = withSmtp(await closedPort());
    const id = await enqueue();
    expect(await deliverNotice(down, id)).toBe('failed');
    expect(await listed(id)).toMatchObject({
      status: 'retrying',
      attempts: 1,
      failure: 'ESOCKET',
      nextAttemptAt: new Date(ctx.clock() + MINUTE).toISOString(),
    });
    for (const [wait, attempts] of [
      [1, 2],
      [5, 3],
      [30, 4],
    ] as const) {
      // Not a moment before its backoff has passed.
      ctx.clock.advance(wait * MINUTE - 1);
      expect(await retryNotices(down, system)).toMatchObject({ tried: 0 });
      ctx.clock.advance(1);
      expect(await retryNotices(down, system)).toMatchObject({ tried: 1, failed: 1 });
      expect(await listed(id)).toMatchObject({ status: 'retrying', attempts });
    }
    expect((await listed(id)).nextAttemptAt).toBe(
      new Date(ctx.clock() + 30 * MINUTE).toISOString(),
    );
    ctx.clock.advance(30 * MINUTE);
    expect(await retryNotices(down, system)).toEqual({
      smtp: true,
      sms: false,
      tried: 1,
      sent: 0,
      failed: 0,
      gaveUp: 1,
      expired: 0,
    });
    const given = await listed(id);
    expect(given).toMatchObject({
      status: 'failed',
      attempts: 5,
      failedAt: new Date(ctx.clock()).toISOString(),
    });
    expect(given.nextAttemptAt).toBeUndefined();
    expect((await listNotices(ctx, officer, { status: 'failed' })).map((n) => n.id)).toEqual([id]);
    expect(await listNotices(ctx, officer, { status: 'retrying' })).toEqual([]);
    ctx.clock.advance(24 * 60 * MINUTE);
    expect(await retryNotices(down, system)).toMatchObject({ tried: 0 });
    // Nor does anything else send it any more.
    const sink = await smtpSink();
    try {
      expect(await deliverNotice(withSmtp(sink.port), id)).toBe('kept');
      expect(sink.received).toEqual([]);
    } finally {
      sink.server.close();
    }
  });

  it('sends a failed notice once the server is back, at most --max per run', async () => {
    const down = withSmtp(await closedPort());
    const first = await enqueue('Your verification code: 111111\n');
    ctx.clock.advance(1);
    const second = await enqueue('Your verification code: 222222\n');
    const fresh = await enqueue('Your verification code: 333333\n');
    expect(await deliverNotice(down, first)).toBe('failed');
    expect(await deliverNotice(down, second)).toBe('failed');
    ctx.clock.advance(MINUTE);
    const sink = await smtpSink();
    try {
      const up = withSmtp(sink.port);
      expect(await retryNotices(up, system, { max: 1 })).toMatchObject({ tried: 1, sent: 1 });
      expect(await retryNotices(up, system, { max: 1 })).toMatchObject({ tried: 1, sent: 1 });
      expect(await retryNotices(up, system)).toMatchObject({ tried: 0 });
    } finally {
      sink.server.close();
    }
    const text = sink.received.join('\n');
    expect(text).toContain('111111');
    expect(text).toContain('222222');
    // A notice never tried is not this job's: it was not a failure.
    expect(text).not.toContain('333333');
    expect(await listed(first)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await listed(fresh)).toMatchObject({ status: 'queued', attempts: 0 });
    expect((await listNotices(ctx, officer, { status: 'queued' })).map((n) => n.id)).toEqual([
      fresh,
    ]);
    expect(await listNotices(ctx, officer, { status: 'sent' })).toHaveLength(2);
  });

  it('never sends a one-time code after it expired: failed for good, not tried', async () => {
    const down = withSmtp(await closedPort());
    const expiresAt = ctx.clock() + 10 * MINUTE;
    const id = await enqueue('Your verification code: 565656\n', expiresAt);
    expect(await deliverNotice(down, id)).toBe('failed');
    ctx.clock.advance(MINUTE);
    expect(await retryNotices(down, system)).toMatchObject({ tried: 1, failed: 1 });
    // Due again 5 minutes later, still valid: tried. Then 30 minutes later: expired.
    ctx.clock.advance(5 * MINUTE);
    expect(await retryNotices(down, system)).toMatchObject({ tried: 1, failed: 1 });
    ctx.clock.advance(30 * MINUTE);
    const sink = await smtpSink();
    try {
      const up = withSmtp(sink.port);
      expect(await retryNotices(up, system)).toMatchObject({ tried: 0, sent: 0, expired: 1 });
      expect(await retryNotices(up, system)).toMatchObject({ tried: 0, expired: 0 });
      expect(sink.received.join('\n')).not.toContain('565656');
    } finally {
      sink.server.close();
    }
    expect(await listed(id)).toMatchObject({
      status: 'failed',
      failure: 'expired',
      attempts: 3,
      expiresAt: new Date(expiresAt).toISOString(),
      failedAt: new Date(ctx.clock()).toISOString(),
    });
  });

  it('fails a notice for good once its customer is erased, and sends the others of the run', async () => {
    const down = withSmtp(await closedPort());
    const gone = await enqueue('Your verification code: 111111\n');
    expect(await deliverNotice(down, gone)).toBe('failed');
    await deleteCustomer(ctx, officer, { customerId });
    customerId = (await createCustomer(ctx, officer, buildCustomer({ externalId: 'OTHER' }))).id;
    const other = await enqueue('Your verification code: 222222\n');
    expect(await deliverNotice(down, other)).toBe('failed');
    ctx.clock.advance(MINUTE);
    const sink = await smtpSink();
    try {
      const up = withSmtp(sink.port);
      expect(await retryNotices(up, system)).toMatchObject({ tried: 2, sent: 1 });
      expect(sink.received.join('\n')).toContain('222222');
      expect(await retryNotices(up, system)).toMatchObject({ tried: 0 });
    } finally {
      sink.server.close();
    }
    expect(await listed(gone)).toMatchObject({ status: 'failed', failure: 'erased' });
  });

  it('does nothing without SMTP, and only for a role that may send', async () => {
    const id = await enqueue();
    expect(await deliverNotice(withSmtp(await closedPort()), id)).toBe('failed');
    ctx.clock.advance(MINUTE);
    expect(await retryNotices(ctx, system)).toEqual({
      smtp: false,
      sms: false,
      tried: 0,
      sent: 0,
      failed: 0,
      gaveUp: 0,
      expired: 0,
    });
    await expect(
      retryNotices(withSmtp(1), buildPrincipal({ role: 'auditor' })),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});

const bin = fileURLToPath(new URL('../../bin/hogo.js', import.meta.url));

describe('hogo notices retry', () => {
  it('sends the notices due through HOGO_SMTP_URL and reports what it did', async () => {
    const env = { HOGO_DATA_DIR: tempDir() };
    // Failed two minutes ago: due again a minute ago.
    const ctx = await openContext({ env, clock: () => Date.now() - 2 * MINUTE, warn: () => {} });
    const port = await closedPort();
    const failed = { ...ctx, mail: { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'p@example.jp' } };
    try {
      const customerId = (await createCustomer(ctx, buildPrincipal(), buildCustomer())).id;
      const id = await ctx.store.db.transaction().execute((tx) =>
        enqueueNotice(ctx, tx, {
          kind: 'request.outcome',
          channel: 'email',
          customerId,
          lang: 'ja',
          to: 'hanako@example.jp',
          subject: 'ご請求の結果のお知らせ',
          body: 'お客さま\n',
        }),
      );
      expect(await deliverNotice(failed, id)).toBe('failed');
    } finally {
      await ctx.close();
    }
    const sink = await smtpSink();
    const run = (args: string[], smtp: string | undefined) =>
      promisify(execFile)(process.execPath, [bin, 'notices', 'retry', ...args], {
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...process.env,
          HOGO_DATABASE_URL: '',
          HOGO_SMTP_URL: smtp ?? '',
          HOGO_SMS_URL: '',
          HOGO_SMS_TOKEN: '',
          ...env,
        },
      });
    try {
      expect((await run([], undefined)).stdout).toContain(
        'no SMTP (HOGO_SMTP_URL) nor SMS gateway',
      );
      const smtp = `smtp://127.0.0.1:${sink.port}`;
      const sent = await run(['--max', '5', '--json'], smtp);
      expect(JSON.parse(sent.stdout)).toEqual({
        smtp: true,
        sms: false,
        tried: 1,
        sent: 1,
        failed: 0,
        gaveUp: 0,
        expired: 0,
      });
      expect(sink.received).toContain('RCPT TO:<hanako@example.jp>');
      expect((await run([], smtp)).stdout).toBe(
        'tried 0: sent 0, failed 0 (tried again later), given up 0, expired unsent 0\n',
      );
      await expect(run(['--max', 'x'], smtp)).rejects.toMatchObject({ code: 2 });
    } finally {
      sink.server.close();
    }
  }, 60_000);
});
