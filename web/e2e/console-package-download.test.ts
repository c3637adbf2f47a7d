import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedExport } from '../../src/governance/test-support.ts';
import { launchBrowser } from './browser.ts';
import { startE2eServer, type E2eServer } from './e2e-server.ts';
import { ensureWebBuild } from './web-build.ts';

/**
 * SECURITY.5 in the staff console: a fulfilled disclosure's package is downloaded by staff only
 * with the id of a second person's approval, which then serves once.
 */
describe('a staff download of a disclosure package in the console', () => {
  let server: E2eServer;
  let browser: Browser;
  let staff: Page;

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startE2eServer(2);
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
    context.setDefaultTimeout(10_000);
    staff = await context.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('downloads the package on an approval id, and refuses it a second time', async () => {
    const customer = server.customers.find((c) => c.email !== '')!;
    const filed = await server.staffApi<{ id: string }>('POST', '/v1/requests', {
      kind: 'disclosure',
      customerId: customer.id,
      requester: { type: 'customer' },
      channel: 'helpdesk',
    });
    expect(filed.status).toBe(201);
    const id = filed.body.id;
    const step = (name: string, body: object = {}) =>
      server.staffApi('POST', `/v1/requests/${id}/${name}`, body);
    expect((await step('verify', { method: 'idDocument' })).status).toBe(200);
    const read = await server.staffApi<{ request: { fee: { total: number } | null } }>(
      'GET',
      `/v1/requests/${id}`,
    );
    if (read.body.request.fee !== null) {
      expect((await step('payment', { amount: read.body.request.fee.total })).status).toBe(200);
    }
    expect((await step('start')).status).toBe(200);
    expect((await step('fulfil')).status).toBe(200);

    await staff.goto(`${server.url}/console/requests/${encodeURIComponent(id)}`);
    await staff.getByLabel('Name').fill(server.staff.name);
    await staff.getByLabel('Password').fill(server.staff.password);
    await staff.getByRole('button', { name: 'Sign in' }).click();
    const button = staff.getByRole('button', { name: 'Download package' });
    await button.waitFor();
    expect(await button.isDisabled()).toBe(true);

    const approvalId = await approvedExport(server.ctx, 'package', id);
    await staff.getByLabel('Approval id').fill(approvalId);
    const [download] = await Promise.all([staff.waitForEvent('download'), button.click()]);
    const html = readFileSync((await download.path())!, 'utf8');
    // The package is in the customer's language (Japanese for this one).
    expect(html).toContain('<h1>保有個人データの開示</h1>');
    expect(html).toContain(customer.email);

    // The approval served once: the same id is refused, and the page says why.
    await button.click();
    await expect.poll(async () => staff.locator('main').textContent()).toContain('used already');
  }, 90_000);
});
