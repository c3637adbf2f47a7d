import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startE2eServer, type E2eServer, type SeededCustomer } from './e2e-server.ts';
import { ensureWebBuild } from './web-build.ts';

const SUPPORT = 'PURPOSE.REG.1a';
const PROMOTION = 'PURPOSE.REG.2a';

/** SECURITY.6 with §3 in the console: a customer's values are read for a purpose the policy permits. */
describe('purpose-bound reads in the staff console', () => {
  let server: E2eServer;
  let browser: Browser;
  let staff: Page;
  let customer: SeededCustomer;

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startE2eServer(6);
    customer = server.customers.find((c) => c.demo.row.group === 'REG')!;
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US' });
    context.setDefaultTimeout(10_000);
    staff = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows no values without a purpose, refuses a suspended one citing REQUEST.SUSPEND_USE, reads for a permitted one', async () => {
    const suspended = await server.staffApi('POST', `/v1/customers/${customer.id}/suspensions`, {
      kind: 'use',
      purposes: [PROMOTION],
      from: '2025-01-01T00:00:00+09:00',
    });
    expect(suspended.status).toBe(201);
    const bare = await server.staffApi<{ error: { code: string; field: string } }>(
      'GET',
      `/v1/customers/${customer.id}`,
    );
    expect([bare.status, bare.body.error.code, bare.body.error.field]).toEqual([
      400,
      'registry.purpose_required',
      'purpose',
    ]);

    await staff.goto(`${server.url}/console/customers/${encodeURIComponent(customer.id)}`);
    await staff.getByLabel('Name').fill(server.staff.name);
    await staff.getByLabel('Password').fill(server.staff.password);
    await staff.getByRole('button', { name: 'Sign in' }).click();
    await staff.getByRole('heading', { level: 2, name: customer.id }).waitFor();
    await staff.getByText('withheld (name a purpose to read)').first().waitFor();
    expect(await staff.getByRole('cell', { name: customer.email }).count()).toBe(0);

    const picker = staff.getByLabel('Purpose of this read');
    await picker.selectOption(PROMOTION);
    const alert = staff.getByRole('alert').filter({ hasText: 'REQUEST.SUSPEND_USE' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(PROMOTION);
    expect(await staff.getByRole('cell', { name: customer.email }).count()).toBe(0);

    await picker.selectOption(SUPPORT);
    await staff.getByRole('cell', { name: customer.email }).waitFor();
    expect(await staff.getByRole('alert').count()).toBe(0);

    const audit = await server.staffApi<
      { action: string; customerId: string | null; detail?: { purpose?: string } }[]
    >('GET', '/v1/audit?limit=50');
    const reads = audit.body.filter(
      (e) => e.action === 'item.readValue' && e.customerId === customer.id,
    );
    expect(reads.map((e) => e.detail?.purpose)).toContain(SUPPORT);
    expect(reads.map((e) => e.detail?.purpose)).not.toContain(PROMOTION);
  }, 60_000);

  it('offers only the purposes of the customer’s group that the reader’s scope allows', async () => {
    const created = await server.staffApi<{ password: string }>('POST', '/v1/users', {
      name: 'narrow.reader',
      role: 'operator',
      purposes: [SUPPORT, 'PURPOSE.OTH.2'],
    });
    expect(created.status).toBe(201);
    const context = await browser.newContext({ locale: 'en-US' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${server.url}/console/customers/${encodeURIComponent(customer.id)}`);
    await page.getByLabel('Name').fill('narrow.reader');
    await page.getByLabel('Password').fill(created.body.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const picker = page.getByLabel('Purpose of this read');
    await picker.locator(`option[value="${SUPPORT}"]`).waitFor({ state: 'attached' });
    const offered = await picker
      .locator('option')
      .evaluateAll((options) => options.map((o) => o.getAttribute('value') ?? ''));
    // The customer is of group REG: the OTH purpose in the scope is not offered either.
    expect(offered).toEqual(['', SUPPORT]);
    await context.close();
  }, 60_000);
});
