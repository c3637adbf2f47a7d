import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, snap } from './browser.ts';
import { startE2eServer, type E2eServer } from './e2e-server.ts';
import { ensureWebBuild } from './web-build.ts';

/**
 * Anonymously processed information in the staff console (§7 ANONYMIZED): a data set made from
 * the demo registry through the form, its job watched to the end, the class-size histogram
 * drawn, then published — and the public policy page lists its items and method.
 */
describe('anonymized data sets in the staff console', () => {
  let server: E2eServer;
  let browser: Browser;
  let staff: Page;

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startE2eServer(300);
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US' });
    context.setDefaultTimeout(15_000);
    staff = await context.newPage();
    await staff.goto(`${server.url}/console/anonymized`);
    await staff.getByLabel('Name').fill(server.staff.name);
    await staff.getByLabel('Password').fill(server.staff.password);
    await staff.getByRole('button', { name: 'Sign in' }).click();
    await staff.getByRole('heading', { name: 'Anonymized data sets', level: 1 }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a data set, watches its progress, shows the histogram, and publishes it', async () => {
    await staff.getByRole('button', { name: 'Start the job' }).click();
    await staff.getByRole('heading', { name: 'customers-by-region', level: 1 }).waitFor();
    // The job's state as the page shows it, polled by the page until it ends.
    await staff.getByTestId('dataset-state').filter({ hasText: 'done' }).waitFor();
    await snap(staff, 'anonymize-report');

    const id = decodeURIComponent(new URL(staff.url()).pathname.split('/').pop()!);
    const api = await server.staffApi<{
      state: string;
      progress: { done: number; total: number };
      report: { metrics: { classSizeHistogram: [number, number][]; smallestClass: number } };
    }>('GET', `/v1/anonymized-datasets/${id}`);
    expect(api.body.state).toBe('done');
    expect(api.body.report.metrics.smallestClass).toBeGreaterThanOrEqual(5);
    // One bar per class size (fewer than 30 sizes on this data), as the API reports them.
    const bars = await staff.getByTestId('histogram-bar').count();
    const sizes = api.body.report.metrics.classSizeHistogram.length;
    expect(bars).toBe(Math.min(sizes, 30));
    expect(bars).toBeGreaterThan(0);
    await staff.getByRole('img', { name: /Class sizes/ }).waitFor();
    await staff.getByRole('cell', { name: 'birthDate' }).waitFor();
    await staff.getByRole('cell', { name: 'address' }).waitFor();

    await staff.getByLabel('Method of provision (English)').fill('An encrypted file, on request.');
    await staff
      .getByLabel('Method of provision (Japanese)')
      .fill('ご依頼に応じて暗号化したファイルで提供します。');
    await staff.getByRole('button', { name: 'Publish' }).click();
    await staff.getByRole('heading', { name: /^Published / }).waitFor();
    await snap(staff, 'anonymize-published');

    const en = await (await fetch(`${server.url}/policy?lang=en`)).text();
    expect(en).toContain('customers-by-region');
    expect(en).toContain('An encrypted file, on request.');
    const ja = await (await fetch(`${server.url}/policy?lang=ja`)).text();
    expect(ja).toContain('ご依頼に応じて暗号化したファイルで提供します。');
    expect(ja).toMatch(/生年月日（/);
  }, 60_000);

  it('shows a running job’s progress bar, and follows it to the end', async () => {
    const started = await server.staffApi<{ id: string; state: string }>(
      'POST',
      '/v1/anonymized-datasets',
      {
        definition:
          'name: progress-check\nsource:\n  registry:\n    categories: [birthDate]\n    purpose: PURPOSE.REG.3\nattributes:\n  - { name: customer, role: linking-code }\n  - { name: birthDate, role: quasi-identifier, hierarchy: { builtin: date } }\nprivacy: { k: 5, suppressionLimit: 0.05 }\n',
      },
    );
    expect(started.status).toBe(202);
    expect(started.body.state).toBe('running');
    // A job on 300 customers ends in a blink: the page's first two answers are held at the
    // state a longer job reports midway (as the job writes it), the later ones pass through.
    const path = `/v1/anonymized-datasets/${encodeURIComponent(started.body.id)}`;
    let held = 0;
    await staff.route(`**${path}`, async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      if (held++ < 2) {
        body.state = 'running';
        body.phase = 'reading the registry';
        body.progress = { done: 150, total: 300 };
        body.report = null;
      }
      await route.fulfill({ response, json: body });
    });
    await staff.goto(`${server.url}/console/anonymized/${encodeURIComponent(started.body.id)}`);
    const bar = staff.getByRole('progressbar');
    await bar.waitFor();
    expect(await bar.getAttribute('value')).toBe('150');
    expect(await bar.getAttribute('max')).toBe('300');
    await staff.getByText('reading the registry: 150 of 300').waitFor();
    await snap(staff, 'anonymize-progress');
    // The page asks again by itself until the job has ended.
    await staff.getByTestId('dataset-state').filter({ hasText: 'done' }).waitFor();
    await bar.waitFor({ state: 'detached' });
    expect(held).toBeGreaterThanOrEqual(3);
    await staff.unroute(`**${path}`);
  }, 60_000);
});
