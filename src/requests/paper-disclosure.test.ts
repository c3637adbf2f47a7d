import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCustomer } from '../registry/index.ts';
import { buildPrincipal } from '../registry/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { fileRequest } from './file-request.ts';
import { fulfilRequest } from './fulfil-request.ts';
import { markNotified } from './mark-notified.ts';
import { recordPayment } from './record-payment.ts';
import { startFulfilment } from './start-fulfilment.ts';
import { verifyIdentity } from './verify-identity.ts';
import { buildWebCustomer, openWebTestApp } from './web-test-support.ts';

/** The text of a PDF as poppler's pdftotext reads it. */
const pdfText = (pdf: Buffer) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });

describe.each(ENGINES)('a disclosure asked for on paper, through the API on $name', (engine) => {
  let t: Awaited<ReturnType<typeof openWebTestApp>>;
  beforeEach(async () => {
    t = await openWebTestApp(engine);
  });
  afterEach(() => t.close());

  it('is printed with its items in Japanese when the mail house takes the batch, then sent', async () => {
    const operator = buildPrincipal();
    const customer = await createCustomer(t.ctx, operator, buildWebCustomer('hanako@example.jp'));
    const filed = await fileRequest(t.ctx, operator, {
      kind: 'disclosure',
      customerId: customer.id,
      requester: { type: 'customer' },
      channel: 'helpdesk',
      deliveryMethod: 'paper',
      lang: 'ja',
    });
    await verifyIdentity(t.ctx, operator, { requestId: filed.id, method: 'idDocument' });
    await recordPayment(t.ctx, operator, { requestId: filed.id, amount: 1100 });
    await startFulfilment(t.ctx, operator, { requestId: filed.id });
    await fulfilRequest(t.ctx, operator, { requestId: filed.id });
    await markNotified(t.ctx, operator, { requestId: filed.id });

    const outbox = (
      await t.call('GET', `/v1/outbox?requestId=${filed.id}`, { token: t.staff() })
    ).json().notices;
    expect(outbox).toMatchObject([{ channel: 'post', status: 'queued' }]);

    // An auditor may not take letters; the system role (the mail-house job) may.
    expect(
      (await t.call('POST', '/v1/print-batches', { token: t.staff('auditor'), payload: {} }))
        .statusCode,
    ).toBe(403);
    const made = await t.call('POST', '/v1/print-batches', {
      token: t.staff('system'),
      payload: {},
    });
    expect(made.statusCode).toBe(201);
    const batch = made.json() as { id: string; letters: number };
    expect(batch.letters).toBe(1);
    expect(
      (await t.call('GET', `/v1/outbox?requestId=${filed.id}`, { token: t.staff() })).json()
        .notices[0],
    ).toMatchObject({ status: 'batched', batchId: batch.id });

    const pdf = await t.call('GET', `/v1/print-batches/${batch.id}/pdf`, {
      token: t.staff('system'),
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    // The letter, and the package enclosed: the items with their Japanese names and values.
    expect(text).toContain('東京都千代田区大手町');
    expect(text).toContain('保有個人データの開示');
    expect(text).toContain('山田');
    expect(text).toContain('hanako@example.jp');
    expect(text).toContain('+819012345678');
    expect(text).toContain('当社が保有するお客さまの個人情報');

    const after = (
      await t.call('GET', `/v1/outbox?requestId=${filed.id}`, { token: t.staff() })
    ).json().notices[0];
    expect(after).toMatchObject({ status: 'sent' });
    const audit = await t.ctx.audit.list({ customerId: customer.id, limit: 50 });
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['notice.print', 'request.package.read']),
    );
    expect(
      (await t.call('GET', '/v1/print-batches', { token: t.staff() })).json().batches[0],
    ).toMatchObject({ id: batch.id, takenAt: expect.any(String) });
  });
});
