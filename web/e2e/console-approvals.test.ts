import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestExportApproval } from '../../src/governance/index.ts';
import { buildRequester } from '../../src/governance/test-support.ts';
import { launchBrowser, snap } from './browser.ts';
import { startE2eServer, type E2eServer } from './e2e-server.ts';
import { ensureWebBuild } from './web-build.ts';

/**
 * SECURITY.5 in the staff console: another officer asks to export an audience; the signed-in
 * officer approves it on the Approvals page; the export then runs on that approval, once.
 */
describe('export approvals in the staff console', () => {
  let server: E2eServer;
  let browser: Browser;
  let staff: Page;
  let exportDir: string;
  const savedDataDir = process.env.HOGO_DATA_DIR;

  beforeAll(async () => {
    await ensureWebBuild();
    exportDir = mkdtempSync(join(tmpdir(), 'hogo-e2e-approvals-'));
    process.env.HOGO_DATA_DIR = exportDir;
    server = await startE2eServer(4);
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US' });
    context.setDefaultTimeout(10_000);
    staff = await context.newPage();
    await staff.goto(`${server.url}/console/approvals`);
    await staff.getByLabel('Name').fill(server.staff.name);
    await staff.getByLabel('Password').fill(server.staff.password);
    await staff.getByRole('button', { name: 'Sign in' }).click();
    await staff.getByRole('heading', { name: 'Export approvals', level: 1 }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (savedDataDir === undefined) delete process.env.HOGO_DATA_DIR;
    else process.env.HOGO_DATA_DIR = savedDataDir;
    if (exportDir !== undefined) rmSync(exportDir, { recursive: true, force: true });
  });

  it('approves another officer’s export, which then runs once on it', async () => {
    const refused = await server.staffApi<{ error: { code: string } }>('POST', '/v1/ads/exports', {
      platform: 'google',
    });
    expect([refused.status, refused.body.error.code]).toEqual([422, 'approval.required']);
    const asked = await requestExportApproval(server.ctx, buildRequester(), {
      kind: 'adExport',
      subject: 'google',
      reason: 'spring campaign audience',
    });
    // The officer's own request gets no Approve button (four eyes).
    const form = staff.getByRole('form', { name: 'Ask for an approval' });
    await form.getByLabel('Subject').fill('meta');
    await form.getByLabel('Reason').fill('own request');
    await form.getByRole('button', { name: 'Ask for approval' }).click();
    await staff.getByRole('status').filter({ hasText: 'asked for' }).waitFor();
    const table = staff.getByRole('table', { name: 'Export approvals, newest first' });
    const row = table.getByRole('row').filter({ hasText: asked.id });
    await row.waitFor();
    const own = table.getByRole('row').filter({ hasText: 'own request' });
    expect(await own.getByRole('button').count()).toBe(0);
    expect(await own.textContent()).toContain('Awaiting a second person');
    await snap(staff, 'console-approvals-queue');

    await row.getByRole('button', { name: `Approve ${asked.id}` }).click();
    await staff
      .getByRole('status')
      .filter({ hasText: `Approval ${asked.id} approved` })
      .waitFor();
    await expect.poll(async () => row.textContent()).toContain('Approved by');
    await snap(staff, 'console-approvals-approved');

    const made = await server.staffApi<{ approvalId: string }>('POST', '/v1/ads/exports', {
      platform: 'google',
      approvalId: asked.id,
    });
    expect([made.status, made.body.approvalId]).toEqual([201, asked.id]);
    const again = await server.staffApi<{ error: { code: string } }>('POST', '/v1/ads/exports', {
      platform: 'google',
      approvalId: asked.id,
    });
    expect(again.body.error.code).toBe('approval.used');
    await staff.reload();
    await expect
      .poll(async () => table.getByRole('row').filter({ hasText: asked.id }).textContent())
      .toContain('Used');
  }, 60_000);
});
