import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPrincipal } from '../../src/cli/cli-principal.ts';
import { recordOptOut } from '../../src/registry/index.ts';
import { createUser } from '../../src/security/users/create-user.ts';
import { launchBrowser, snap } from './browser.ts';
import { startE2eServer, type E2eServer } from './e2e-server.ts';
import { ensureWebBuild } from './web-build.ts';
import { approvedExport } from '../../src/governance/test-support.ts';

/**
 * Provision to third parties in the staff console: a recipient registered and its diligence
 * recorded through the forms; an ad export started from the console whose receipt shows the
 * API's counts; the ledger searched for a customer the export included.
 */
const DAY = 86_400_000;

interface Receipt {
  readonly exportId: string;
  readonly customers: {
    readonly considered: number;
    readonly included: number;
    readonly excluded: Record<string, number>;
  };
  readonly items: { readonly exported: number };
  readonly ledgerRows: number;
}

/** A date in Japan as YYYY-MM-DD, `days` from now. */
const japanDate = (days: number) =>
  new Date(Date.now() + days * DAY + 9 * 3_600_000).toISOString().slice(0, 10);

describe('provision pages of the staff console', () => {
  let server: E2eServer;
  let browser: Browser;
  let staff: Page;
  let exportDir: string;
  const savedDataDir = process.env.HOGO_DATA_DIR;

  beforeAll(async () => {
    await ensureWebBuild();
    // The export route writes its files under HOGO_DATA_DIR: a temporary one, never the project's.
    exportDir = mkdtempSync(join(tmpdir(), 'hogo-e2e-ads-'));
    process.env.HOGO_DATA_DIR = exportDir;
    server = await startE2eServer(8);
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US' });
    context.setDefaultTimeout(10_000);
    staff = await context.newPage();
    await staff.goto(`${server.url}/console/recipients`);
    await staff.getByLabel('Name').fill(server.staff.name);
    await staff.getByLabel('Password').fill(server.staff.password);
    await staff.getByRole('button', { name: 'Sign in' }).click();
    await staff.getByRole('heading', { name: 'Recipients', level: 1 }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (savedDataDir === undefined) delete process.env.HOGO_DATA_DIR;
    else process.env.HOGO_DATA_DIR = savedDataDir;
    if (exportDir !== undefined) rmSync(exportDir, { recursive: true, force: true });
  });

  it('registers a recipient, records its diligence, and lists it', async () => {
    // A recipient whose only verification has expired: the list says provision is refused.
    const old = await server.staffApi('POST', '/v1/recipients', {
      id: 'old-print',
      kind: 'subcontractor',
      legalName: 'Old Print Co., Ltd.',
      country: 'JP',
    });
    expect(old.status).toBe(201);
    const lapsed = await server.staffApi('POST', '/v1/recipients/old-print/diligence', {
      agreementReference: 'AGR-2020-007',
      measures: ['ISMS certified'],
      verifiedAt: '2020-04-01T00:00:00+09:00',
      expiresAt: '2021-04-01T00:00:00+09:00',
    });
    expect(lapsed.status).toBe(201);

    const form = staff.getByRole('form', { name: 'Register a recipient' });
    await form.getByLabel('ID').fill('mail-co');
    await form.getByLabel('Kind').selectOption('subcontractor');
    await form.getByLabel('Legal name').fill('Mail Co., Ltd.');
    await form.getByLabel('Address').fill('1-2-3 Shiba, Minato-ku, Tokyo');
    await form.getByLabel('Country').fill('SG');
    await form.getByLabel('Protection regime').fill('PDPA 2012, Singapore');
    await form.getByRole('button', { name: 'Register recipient' }).click();
    await staff.getByRole('status').filter({ hasText: 'Registered' }).waitFor();

    const table = staff.getByRole('table', { name: 'Recipients' });
    const row = table.getByRole('row').filter({ hasText: 'mail-co' });
    await expect.poll(async () => row.textContent()).toContain('Missing');
    expect(await row.textContent()).toContain('PDPA 2012, Singapore');
    expect(await row.getByRole('cell').nth(3).textContent()).toBe('SG');
    const oldRow = table.getByRole('row').filter({ hasText: 'old-print' });
    expect(await oldRow.textContent()).toMatch(/Expired.*PROVIDE\.DUE_DILIGENCE/);
    await snap(staff, 'console-recipients-before-diligence');

    await row.getByRole('link', { name: 'mail-co' }).click();
    await staff.getByRole('heading', { name: 'Mail Co., Ltd.', level: 1 }).waitFor();
    expect(await staff.locator('dl.facts').textContent()).toContain(
      'Missing · provision refused (PROVIDE.DUE_DILIGENCE)',
    );
    const diligence = staff.getByRole('form', { name: 'Record diligence' });
    await diligence.getByLabel('Agreement reference').fill('AGR-2026-042');
    await diligence
      .getByLabel('Measures verified')
      .fill('ISMS certified\nAccess to customer data logged');
    await diligence.getByLabel('Verified on').fill(japanDate(-1));
    await diligence.getByLabel('Expires on').fill(japanDate(365));
    await diligence.getByRole('button', { name: 'Record diligence' }).click();
    await staff.getByRole('status').filter({ hasText: 'Diligence recorded' }).waitFor();
    const history = staff.getByRole('table', { name: 'Diligence records, oldest first' });
    await history.getByRole('cell', { name: 'AGR-2026-042' }).waitFor();
    expect(await history.textContent()).toContain('Access to customer data logged');
    expect(await staff.locator('dl.facts').textContent()).toContain('In force until');
    await snap(staff, 'console-recipient-diligence');

    const api = await server.staffApi<{
      country: string;
      protectionRegime: string;
      diligenceHistory: { agreementReference: string; measures: string[]; verifiedBy: string }[];
    }>('GET', '/v1/recipients/mail-co');
    expect(api.body).toMatchObject({ country: 'SG', protectionRegime: 'PDPA 2012, Singapore' });
    expect(api.body.diligenceHistory).toMatchObject([
      {
        agreementReference: 'AGR-2026-042',
        measures: ['ISMS certified', 'Access to customer data logged'],
      },
    ]);

    await staff.getByRole('link', { name: '← All recipients' }).click();
    const listed = staff
      .getByRole('table', { name: 'Recipients' })
      .getByRole('row')
      .filter({ hasText: 'mail-co' });
    await expect.poll(async () => listed.textContent()).toContain('In force until');
    await snap(staff, 'console-recipients');
  }, 30_000);

  it('starts an ad export and shows the receipt the API holds', async () => {
    // ADS.OPT_OUT: one customer opted out yesterday, so the receipt counts an exclusion.
    const optedOut = server.customers[0]!.id;
    await recordOptOut(server.ctx, cliPrincipal('e2e'), {
      customerId: optedOut,
      optOut: { at: new Date(Date.now() - DAY).toISOString() },
    });
    await staff.getByRole('link', { name: 'Ad exports', exact: true }).click();
    const start = staff.getByRole('form', { name: 'Start an export' });
    await start.getByLabel('Platform').selectOption('google');
    // SECURITY.5: the export runs on an approval by a second person.
    await start
      .getByLabel('Approval id')
      .fill(await approvedExport(server.ctx, 'adExport', 'google'));
    await start.getByRole('button', { name: 'Export audience' }).click();
    await staff.getByRole('heading', { name: /^Receipt / }).waitFor();
    const exportId = decodeURIComponent(new URL(staff.url()).pathname.split('/').pop()!);
    const receipt = (await server.staffApi<Receipt>('GET', `/v1/ads/exports/${exportId}`)).body;
    expect(receipt.exportId).toBe(exportId);
    expect(receipt.customers.considered).toBe(server.customers.length);
    expect(receipt.customers.included).toBeGreaterThan(0);
    expect(receipt.customers.excluded.opted_out).toBe(1);
    const noRecord = await server.staffApi<unknown[]>(
      'GET',
      `/v1/customers/${optedOut}/provisions`,
    );
    expect(noRecord.body).toEqual([]);

    const shown = async (name: string) =>
      Number(await staff.locator(`dd[data-count="${name}"]`).textContent());
    expect(await shown('considered')).toBe(receipt.customers.considered);
    expect(await shown('included')).toBe(receipt.customers.included);
    expect(await shown('excluded')).toBe(
      Object.values(receipt.customers.excluded).reduce((a, b) => a + b, 0),
    );
    expect(await shown('exported')).toBe(receipt.items.exported);
    expect(await shown('ledgerRows')).toBe(receipt.ledgerRows);
    const byReason = staff.getByRole('table', { name: 'Customers excluded, by reason' });
    for (const [reason, count] of Object.entries(receipt.customers.excluded)) {
      const cell = byReason.locator(`tr[data-reason="${reason}"] td`);
      expect([reason, Number(await cell.textContent())]).toEqual([reason, count]);
    }
    await snap(staff, 'console-ad-export-receipt');

    // The list: newest first, this export on top with the same counts.
    const list = await server.staffApi<{ exports: Receipt[] }>('GET', '/v1/ads/exports');
    expect(list.body.exports[0]).toMatchObject({ exportId, customers: receipt.customers });
    await staff.getByRole('link', { name: '← All ad exports' }).click();
    const row = staff
      .getByRole('table', { name: 'Ad exports, newest first' })
      .getByRole('row')
      .filter({ hasText: exportId });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(3, 5).map(Number)).toEqual([
      receipt.customers.considered,
      receipt.customers.included,
    ]);
    await snap(staff, 'console-ad-exports');
  }, 30_000);

  it('finds an included customer’s provision in the ledger, from the customer page', async () => {
    let included: string | undefined;
    for (const c of server.customers) {
      const records = await server.staffApi<{ clause: string; recipient: { id: string } }[]>(
        'GET',
        `/v1/customers/${c.id}/provisions`,
      );
      if (records.body.some((r) => r.recipient.id === 'google' && r.clause === 'ADS')) {
        included = c.id;
        break;
      }
    }
    expect(included).toBeDefined();
    await staff.getByRole('link', { name: 'Customers', exact: true }).click();
    await staff.getByLabel('Customer ID').fill(included!);
    await staff.getByRole('button', { name: 'Open' }).click();
    await staff.getByRole('link', { name: 'Provision records' }).click();
    await staff.getByRole('heading', { name: `Provisions about customer ${included}` }).waitFor();
    const row = staff
      .getByRole('table', { name: `Provisions about customer ${included}` })
      .getByRole('row')
      .filter({ hasText: 'Google LLC' });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('ADS');
    expect(text).toContain('(US)');
    expect(text).toMatch(/PURPOSE\.(REG\.5|OTH\.4)/);
    await snap(staff, 'console-ledger-customer');

    // The same search typed on the ledger page, narrowed to the recipient.
    await staff.getByRole('link', { name: 'Provision ledger', exact: true }).click();
    await staff.getByLabel('Customer ID').fill(included!);
    await staff.getByLabel('Recipient').selectOption('google');
    await staff.getByRole('button', { name: 'Search' }).click();
    await staff
      .getByRole('heading', {
        name: `Provisions about customer ${included} to recipient Google LLC`,
      })
      .waitFor();
    expect(
      await staff
        .getByRole('table', { name: /^Provisions about/ })
        .getByRole('row')
        .count(),
    ).toBe(2);
  }, 30_000);

  it('shows an auditor the provision pages to read, without the forms that change them', async () => {
    const { password } = await createUser(server.ctx, { name: 'auditor', role: 'auditor' }, 'e2e');
    const context = await browser.newContext({ locale: 'en-US' });
    context.setDefaultTimeout(10_000);
    const auditor = await context.newPage();
    await auditor.goto(`${server.url}/console/recipients/mail-co`);
    await auditor.getByLabel('Name').fill('auditor');
    await auditor.getByLabel('Password').fill(password);
    await auditor.getByRole('button', { name: 'Sign in' }).click();
    await auditor.getByRole('heading', { name: 'Mail Co., Ltd.', level: 1 }).waitFor();
    const nav = auditor.getByRole('navigation', { name: 'Console' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Requests',
      'Customers',
      'Audit log',
      'Recipients',
      'Provision ledger',
      'Ad exports',
      'Anonymized data',
      'Incidents',
      'Report a violation',
      'Inspections',
      'Countries',
    ]);
    expect(await auditor.getByRole('form', { name: 'Record diligence' }).count()).toBe(0);
    await nav.getByRole('link', { name: 'Ad exports' }).click();
    await auditor
      .getByRole('table', { name: 'Ad exports, newest first' })
      .getByRole('link')
      .first()
      .waitFor();
    expect(await auditor.getByRole('form', { name: 'Start an export' }).count()).toBe(0);
    await snap(auditor, 'console-ad-exports-auditor');
    await context.close();
  }, 30_000);

  it('pages the export list: "Load more" appends the next page, then there is none', async () => {
    // 55 more exports of the 8 demo customers: more than one page of 50.
    for (let i = 0; i < 55; i++) {
      const made = await server.staffApi('POST', '/v1/ads/exports', {
        platform: 'yahoo',
        approvalId: await approvedExport(server.ctx, 'adExport', 'yahoo'),
      });
      expect(made.status).toBe(201);
    }
    const all = (await server.staffApi<{ exports: Receipt[] }>('GET', '/v1/ads/exports?limit=200'))
      .body.exports;
    expect(all.length).toBeGreaterThan(55);
    await staff.goto(`${server.url}/console/ad-exports`);
    const rows = staff
      .getByRole('table', { name: 'Ad exports, newest first' })
      .locator('tbody')
      .getByRole('row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(50);
    await staff.getByRole('button', { name: 'Load more' }).click();
    await rows.nth(50).waitFor();
    expect(await rows.count()).toBe(all.length);
    const ids = await staff
      .getByRole('table', { name: 'Ad exports, newest first' })
      .locator('tbody')
      .getByRole('link')
      .allTextContents();
    expect(ids).toEqual(all.map((r) => r.exportId));
    expect(await staff.getByRole('button', { name: 'Load more' }).count()).toBe(0);
  }, 60_000);
});
