import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, snap } from './browser.ts';
import { startE2eServer, type E2eServer } from './e2e-server.ts';
import { ensureWebBuild } from './web-build.ts';

/**
 * SECURITY.3 in the staff console: the officer starts a department's inspection from the
 * schedule, answers a question with a finding and its follow-up, then the rest, and closes it.
 */
describe('self-inspections in the staff console', () => {
  let server: E2eServer;
  let browser: Browser;
  let staff: Page;

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startE2eServer(1);
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US' });
    context.setDefaultTimeout(10_000);
    staff = await context.newPage();
    await staff.goto(`${server.url}/console/inspections`);
    await staff.getByLabel('Name').fill(server.staff.name);
    await staff.getByLabel('Password').fill(server.staff.password);
    await staff.getByRole('button', { name: 'Sign in' }).click();
    await staff.getByRole('heading', { name: 'Self-inspections', level: 1 }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts, answers with a follow-up and closes a department’s inspection', async () => {
    const schedule = staff.getByRole('table', { name: 'Inspections due, overdue first' });
    const marketing = schedule.getByRole('row').filter({ hasText: 'marketing' });
    await marketing.getByRole('button', { name: 'Start marketing' }).click();
    await staff.getByRole('heading', { name: /· marketing/, level: 1 }).waitFor();

    const form = staff.getByRole('form', { name: 'Answer a question' });
    await form.getByLabel('Question').selectOption('training-held');
    await form.getByLabel('Result').selectOption('finding');
    await form.getByLabel('Finding').fill('one lapsed completion');
    await form.getByLabel('Follow-up').fill('renew the course');
    await form.getByLabel('Owner').fill('marketing lead');
    await form.getByLabel('Due').fill('2099-01-31');
    await form.getByRole('button', { name: 'Save answer' }).click();
    await staff.getByRole('status').filter({ hasText: 'Answered training-held' }).waitFor();
    const followUps = staff.getByRole('table', { name: 'Follow-ups of findings' });
    await followUps.getByRole('row').filter({ hasText: 'renew the course' }).waitFor();

    // Closing with questions unanswered is refused, naming them.
    await staff.getByRole('button', { name: 'Close inspection' }).click();
    await expect
      .poll(async () => staff.locator('main').textContent())
      .toContain('unanswered: access-reviewed, take-outs-approved, physical-security');

    for (const q of ['access-reviewed', 'take-outs-approved', 'physical-security']) {
      await form.getByLabel('Question').selectOption(q);
      await form.getByLabel('Result').selectOption('ok');
      await form.getByRole('button', { name: 'Save answer' }).click();
      await staff
        .getByRole('status')
        .filter({ hasText: `Answered ${q}` })
        .waitFor();
    }
    const answers = staff.getByRole('table', { name: 'Questions and answers' });
    expect(await answers.textContent()).toContain('Finding: one lapsed completion');
    await snap(staff, 'console-inspection-answered');
    await staff.getByRole('button', { name: 'Close inspection' }).click();
    await staff.getByRole('status').filter({ hasText: 'Inspection closed' }).waitFor();
    await followUps.getByRole('button', { name: 'Close follow-up' }).click();
    await expect
      .poll(async () => followUps.getByRole('row').filter({ hasText: 'renew' }).textContent())
      .toContain('Closed');

    await staff.getByRole('link', { name: 'All inspections' }).click();
    await expect.poll(async () => marketing.textContent()).toContain('2028-03-31');
    await snap(staff, 'console-inspections');
  }, 90_000);
});
