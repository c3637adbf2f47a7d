import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCustomer } from '../registry/index.ts';
import { buildCustomer, buildPrincipal } from '../registry/test-support.ts';
import { openRequestContext } from '../requests/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { enqueueNotice } from './enqueue-notice.ts';
import { listNotices } from './list-notices.ts';
import { createPrintBatch, listPrintBatches, takePrintBatch } from './print-batch.ts';

/** The text of a PDF as poppler's pdftotext reads it. */
const pdfText = (pdf: Buffer) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });

describe.each(ENGINES)('letters by post in print batches on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openRequestContext>>;
  let customerId: string;
  const officer = buildPrincipal({ role: 'privacyOfficer' });
  const job = buildPrincipal({ id: 'mail-house', role: 'system' });
  beforeEach(async () => {
    ctx = await openRequestContext(engine);
    customerId = (await createCustomer(ctx, officer, buildCustomer())).id;
  });
  afterEach(() => ctx.close());

  const enqueue = (channel: 'post' | 'email', body: string) =>
    ctx.store.db.transaction().execute((tx) =>
      enqueueNotice(ctx, tx, {
        kind: 'request.outcome',
        channel,
        customerId,
        lang: 'ja',
        to: channel === 'post' ? '東京都千代田区大手町二丁目3番1号 山田太郎様' : 'taro@example.jp',
        subject: '開示請求の結果のお知らせ',
        body,
      }),
    );
  const listed = async (id: string) => (await listNotices(ctx, officer)).find((n) => n.id === id)!;

  it('batches the queued letters by post, builds their PDF in Japanese on taking, marks them sent, audited', async () => {
    const letter = await enqueue(
      'post',
      '保有個人データの開示\n氏名: 山田太郎\n電話番号: 090-1234-5678\n',
    );
    const mail = await enqueue('email', 'メール');
    expect(await listed(letter)).toMatchObject({ channel: 'post', status: 'queued' });

    const batch = await createPrintBatch(ctx, job);
    expect(batch).toMatchObject({ letters: 1, createdBy: 'mail-house' });
    expect(await listed(letter)).toMatchObject({ status: 'batched', batchId: batch!.id });
    expect(await listed(mail)).toMatchObject({ status: 'queued' });
    // Nothing left to batch: no empty batch.
    expect(await createPrintBatch(ctx, job)).toBeNull();

    // The batch holds no PDF at rest: nothing of the letter in plain text in the store.
    const raw = JSON.stringify(
      await ctx.store.db
        .selectFrom('print_batches' as never)
        .selectAll()
        .execute(),
    );
    expect(raw).not.toContain('山田');

    const taken = await takePrintBatch(ctx, job, { batchId: batch!.id });
    expect(taken.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(taken.pdf);
    expect(text).toContain('山田太郎');
    expect(text).toContain('保有個人データの開示');
    expect(text).toContain('090-1234-5678');
    expect(text).toContain('大手町');
    expect(await listed(letter)).toMatchObject({ status: 'sent', sentAt: taken.batch.takenAt });
    expect((await listPrintBatches(ctx, officer))[0]).toMatchObject({
      id: batch!.id,
      takenBy: 'mail-house',
    });
    const audit = await ctx.audit.list({ customerId, limit: 20 });
    expect(audit.find((e) => e.action === 'notice.print')?.detail).toMatchObject({
      noticeId: letter,
      batchId: batch!.id,
    });
  });

  it('refuses an unknown batch, and staff without notices.send', async () => {
    await expect(takePrintBatch(ctx, job, { batchId: 'nope' })).rejects.toMatchObject({
      code: 'notices.not_found',
    });
    await expect(createPrintBatch(ctx, buildPrincipal({ role: 'auditor' }))).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
  });

  it('names the package to install when no Japanese font is there, and marks nothing sent', async () => {
    const letter = await enqueue('post', '本文');
    const batch = await createPrintBatch(ctx, job);
    await expect(
      takePrintBatch(ctx, job, { batchId: batch!.id, env: { HOGO_PDF_FONT: '/nonexistent.ttf' } }),
    ).rejects.toMatchObject({ code: 'notices.font_missing' });
    expect(await listed(letter)).toMatchObject({ status: 'batched' });
  });
});
