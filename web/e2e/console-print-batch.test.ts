import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPrincipal } from '../../src/registry/test-support.ts';
import { fileRequest } from '../../src/requests/file-request.ts';
import { fulfilRequest } from '../../src/requests/fulfil-request.ts';
import { markNotified } from '../../src/requests/mark-notified.ts';
import { recordPayment } from '../../src/requests/record-payment.ts';
import { startFulfilment } from '../../src/requests/start-fulfilment.ts';
import { verifyIdentity } from '../../src/requests/verify-identity.ts';
import { launchBrowser, snap } from './browser.ts';
import { startE2eServer, type E2eServer } from './e2e-server.ts';
import { ensureWebBuild } from './web-build.ts';

/**
 * A disclosure asked for on paper (APPI Art. 33(1)) leaves through the console: the outbox
 * shows the letter queued by post, a print batch is made and downloaded as a PDF whose text
 * (poppler's pdftotext) holds the disclosed items in Japanese, and the letter is then sent.
 */
describe('print batches in the staff console', () => {
  let server: E2eServer;
  let browser: Browser;
  let staff: Page;

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startE2eServer(6);
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
    context.setDefaultTimeout(10_000);
    staff = await context.newPage();
    await staff.goto(`${server.url}/console/outbox`);
    await staff.getByLabel('Name').fill(server.staff.name);
    await staff.getByLabel('Password').fill(server.staff.password);
    await staff.getByRole('button', { name: 'Sign in' }).click();
    await staff.getByRole('heading', { name: 'Outbox', level: 1 }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('prints a paper disclosure with its items in Japanese, and marks the letter sent', async () => {
    const customer = server.customers.find((c) => c.address !== '' && c.name !== '')!;
    const ctx = server.ctx;
    const operator = buildPrincipal();
    const filed = await fileRequest(ctx, operator, {
      kind: 'disclosure',
      customerId: customer.id,
      requester: { type: 'customer' },
      channel: 'helpdesk',
      deliveryMethod: 'paper',
      lang: 'ja',
    });
    await verifyIdentity(ctx, operator, { requestId: filed.id, method: 'idDocument' });
    await recordPayment(ctx, operator, { requestId: filed.id, amount: 1100 });
    await startFulfilment(ctx, operator, { requestId: filed.id });
    await fulfilRequest(ctx, operator, { requestId: filed.id });
    await markNotified(ctx, operator, { requestId: filed.id });

    await staff.reload();
    const row = staff.getByRole('row').filter({ hasText: filed.id });
    // Columns: created, to, channel, state.
    const state = row.getByRole('cell').nth(3);
    await expect.poll(() => state.textContent()).toBe('queued');
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('post');

    await staff.getByRole('button', { name: 'Make a print batch' }).click();
    await staff.getByRole('status').filter({ hasText: 'Batch of 1 letters made.' }).waitFor();
    await expect.poll(() => state.textContent()).toBe('in a print batch');
    await snap(staff, 'console-print-batch');

    const [file] = await Promise.all([
      staff.waitForEvent('download'),
      staff.getByRole('button', { name: 'Download PDF' }).click(),
    ]);
    const pdf = readFileSync((await file.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], {
      input: pdf,
      encoding: 'utf8',
    });
    // The letter and the package enclosed: headings and the customer's own values, in Japanese.
    expect(text).toContain('保有個人データの開示');
    expect(text).toContain('当社が保有するお客さまの個人情報');
    const squash = (s: string) => s.replace(/\s+/g, '');
    expect(squash(text)).toContain(squash(customer.name));
    expect(squash(text)).toContain(squash(customer.address).slice(0, 6));
    await expect.poll(() => state.textContent()).toBe('sent');
    await staff.getByRole('table', { name: 'Print batches' }).getByText('by ').waitFor();
  }, 60_000);
});
