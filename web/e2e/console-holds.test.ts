import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startE2eServer, type E2eServer, type SeededCustomer } from './e2e-server.ts';
import { ensureWebBuild } from './web-build.ts';

/** RETAIN.HOLD in the console: staff place a legal hold on a customer, see it, release it. */
describe('legal holds in the staff console', () => {
  let server: E2eServer;
  let browser: Browser;
  let staff: Page;
  let customer: SeededCustomer;

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startE2eServer(2);
    customer = server.customers[0]!;
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US' });
    context.setDefaultTimeout(10_000);
    staff = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('places a hold with its reason and reference, shows it active, and releases it', async () => {
    await staff.goto(`${server.url}/console/customers/${encodeURIComponent(customer.id)}`);
    await staff.getByLabel('Name').fill(server.staff.name);
    await staff.getByLabel('Password').fill(server.staff.password);
    await staff.getByRole('button', { name: 'Sign in' }).click();
    const form = staff.getByRole('form', { name: 'Place a legal hold' });
    await form.getByLabel('Reason').selectOption('litigation');
    await form.getByLabel(/Reference/).fill('Tokyo-DC-2026(wa)123');
    await form.getByRole('button', { name: 'Place hold' }).click();
    const table = staff.getByRole('table', { name: 'Legal holds' });
    await table.getByRole('cell', { name: 'Tokyo-DC-2026(wa)123' }).waitFor();
    await table.getByRole('cell', { name: 'active', exact: true }).waitFor();
    const holds = await server.staffApi<{ holds: { reason: string; active: boolean }[] }>(
      'GET',
      `/v1/customers/${customer.id}/holds`,
    );
    expect(holds.body.holds).toMatchObject([{ reason: 'litigation', active: true }]);
    await staff
      .getByText(/under RETAIN\.HOLD|RETAIN\.HOLD/)
      .first()
      .waitFor();

    await table.getByRole('button', { name: 'Release' }).click();
    await table.getByRole('cell', { name: /^released / }).waitFor();
    const after = await server.staffApi<{ holds: { active: boolean }[] }>(
      'GET',
      `/v1/customers/${customer.id}/holds`,
    );
    expect(after.body.holds).toMatchObject([{ active: false }]);
  }, 60_000);
});
