import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/security/users/create-user.ts';
import { launchBrowser, snap } from './browser.ts';
import { startE2eServer, type E2eServer } from './e2e-server.ts';
import { ensureWebBuild } from './web-build.ts';

/**
 * SECURITY.4 and SECURITY.7 in the staff console: an operator never trained is shown so, the
 * officer records the completion and it shows valid until a year on; the country register reads.
 */
describe('training and the country register in the staff console', () => {
  let server: E2eServer;
  let browser: Browser;
  let staff: Page;

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startE2eServer(1);
    await createUser(server.ctx, { name: 'sato', role: 'operator' }, 'e2e');
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US' });
    context.setDefaultTimeout(10_000);
    staff = await context.newPage();
    await staff.goto(`${server.url}/console/training`);
    await staff.getByLabel('Name').fill(server.staff.name);
    await staff.getByLabel('Password').fill(server.staff.password);
    await staff.getByRole('button', { name: 'Sign in' }).click();
    await staff.getByRole('heading', { name: 'Training', level: 1 }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a user never trained, records the completion, then shows it valid', async () => {
    const table = staff.getByRole('table', { name: 'Staff training status' });
    const sato = table.getByRole('row').filter({ hasText: 'sato' });
    await expect.poll(async () => sato.textContent()).toContain('Never completed');
    expect(
      await table.getByRole('row').filter({ hasText: server.staff.name }).textContent(),
    ).toContain('Valid until');
    const form = staff.getByRole('form', { name: 'Record a completion' });
    await form.getByLabel('User').selectOption({ label: 'sato' });
    await form.getByLabel('Completed on').fill('2026-04-01');
    await form.getByRole('button', { name: 'Record completion' }).click();
    await staff.getByRole('status').filter({ hasText: 'for sato' }).waitFor();
    await expect.poll(async () => sato.textContent()).toContain('Valid until 2027-04-01');
    await snap(staff, 'console-training');
  }, 60_000);

  it('shows the country register with its recipients and next review', async () => {
    await staff.getByRole('link', { name: 'Countries' }).click();
    await staff.getByRole('heading', { name: 'Foreign countries', level: 1 }).waitFor();
    const us = staff
      .getByRole('table', { name: 'Foreign-country register' })
      .getByRole('row')
      .filter({ hasText: 'United States of America' });
    await expect
      .poll(async () => us.textContent())
      .toContain('Reviewed 2026-04-01, due 2027-04-01');
    expect(await us.textContent()).toContain('CBPR');
    await snap(staff, 'console-countries');
  }, 60_000);
});
