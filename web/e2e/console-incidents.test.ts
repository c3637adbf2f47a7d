import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startE2eServer, type E2eServer } from './e2e-server.ts';
import { ensureWebBuild } from './web-build.ts';

/**
 * Breach response in the console (APPI Art. 26; SECURITY.3): a violation is reported, turned
 * into an incident, its deadlines shown, the preliminary report filed, the notices sent.
 */
describe('incidents in the staff console', () => {
  let server: E2eServer;
  let browser: Browser;
  let staff: Page;

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startE2eServer(3);
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US' });
    context.setDefaultTimeout(10_000);
    staff = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('takes an anonymous report without signing in, and keeps no reporter', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/console/violations/anonymous`);
    const form = page.getByRole('form', { name: 'Anonymous violation report' });
    await form.getByLabel('What is suspected').fill('Badges are shared at the back entrance.');
    await form.getByRole('button', { name: 'Send anonymously' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Received, reference / })
      .waitFor();
    const queue = await server.staffApi<{
      violations: { anonymous: boolean; reportedBy: string | null; summary: string }[];
    }>('GET', '/v1/violations');
    expect(queue.body.violations).toMatchObject([
      { anonymous: true, reportedBy: null, summary: 'Badges are shared at the back entrance.' },
    ]);
    // Closed at once, so the console's queue below shows one open report.
    const id = (queue.body.violations[0] as unknown as { id: string }).id;
    const closed = await server.staffApi('POST', `/v1/violations/${id}/triage`, {
      action: 'close',
      reason: 'Handled by facilities.',
    });
    expect(closed.status).toBe(200);
    await page.close();
  }, 60_000);

  it('reports a violation, turns it into an incident, files the preliminary report and sends the notices', async () => {
    await staff.goto(`${server.url}/console/violations`);
    await staff.getByLabel('Name').fill(server.staff.name);
    await staff.getByLabel('Password').fill(server.staff.password);
    await staff.getByRole('button', { name: 'Sign in' }).click();

    const report = staff.getByRole('form', { name: 'Report a suspected violation' });
    await report.getByLabel(/What is suspected/).fill('A customer export was mailed to a vendor.');
    await report.getByRole('button', { name: 'Report' }).click();
    await report.getByRole('status').waitFor();
    const queue = staff.getByRole('table', { name: 'Violation reports' });
    await queue.getByRole('cell', { name: 'A customer export was mailed to a vendor.' }).waitFor();
    await queue.getByRole('button', { name: 'Triage' }).click();

    const turn = staff.getByRole('form', { name: 'Turn into an incident' });
    await turn.getByLabel('Special care-required information').check();
    await turn.getByRole('button', { name: 'Turn into an incident' }).click();
    await queue.getByRole('link', { name: 'incident' }).click();

    await staff.getByRole('heading', { name: /^Incident known on / }).waitFor();
    await staff.getByText('3 persons · Reportable').waitFor();
    await staff.getByText(/BREACH\.SENSITIVE, BREACH\.PRELIMINARY/).waitFor();
    const timeline = staff.getByRole('list', { name: 'Deadlines' });
    await timeline.getByText(/PPC preliminary report · open/).waitFor();
    await timeline.getByText(/PPC final report · open/).waitFor();

    const form = staff.getByRole('form', { name: 'Report to the PPC' });
    expect(await form.getByLabel('Number of persons').inputValue()).toBe('3人');
    await form.getByLabel('Cause').fill('An export was attached to the wrong e-mail.');
    await form.getByRole('button', { name: 'File the PPC preliminary report' }).click();
    await form.getByRole('button', { name: 'File the PPC final report' }).waitFor();
    await timeline.getByText(/PPC preliminary report · filed /).waitFor();

    const notices = staff.getByRole('region', { name: 'Notices to the persons' });
    await notices.getByRole('button', { name: 'Send notices' }).click();
    await notices
      .getByRole('status')
      .filter({ hasText: /notices queued/ })
      .waitFor();
    const outbox = await server.staffApi<{ notices: { kind: string }[] }>('GET', '/v1/outbox');
    const breach = outbox.body.notices.filter((n) => n.kind === 'incident.breach');
    expect(breach.length).toBeGreaterThan(0);
    expect(await notices.getByRole('status').textContent()).toContain(
      `${breach.length} notices queued`,
    );
  }, 90_000);
});
