import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, snap } from './browser.ts';
import { startE2eServer, type E2eServer } from './e2e-server.ts';
import { ensureWebBuild } from './web-build.ts';

/**
 * The pages under their Content-Security-Policy in a real browser: they still work (the
 * privacy center with its framed policy text, the console through sign-in), the browser
 * reports no violation, and a page of another origin cannot frame the console.
 */
describe('security headers in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  const violations: string[] = [];

  /** A page whose console's CSP complaints are collected. */
  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ locale: 'en-US' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    return page;
  };

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startE2eServer(2);
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the privacy center works under its CSP, its policy frame included', async () => {
    const page = await newPage();
    const response = await page.goto(`${server.url}/`);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    await page.getByRole('heading', { name: 'Privacy policy' }).waitFor();
    const frame = page.frameLocator('iframe[title="The privacy policy, in full"]');
    await frame.locator('h1').first().waitFor();
    await snap(page, 'csp-center');
    expect(violations).toEqual([]);
  });

  it('the console signs in and shows its pages under its CSP', async () => {
    const page = await newPage();
    const response = await page.goto(`${server.url}/console/recipients`);
    expect(response!.headers()['x-frame-options']).toBe('DENY');
    await page.getByLabel('Name').fill(server.staff.name);
    await page.getByLabel('Password').fill(server.staff.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Recipients', level: 1 }).waitFor();
    await snap(page, 'csp-console');
    expect(violations).toEqual([]);
  });

  it('a page of another origin cannot frame the console', async () => {
    const page = await newPage();
    // The framing page comes from another origin (localhost is not hogo's 127.0.0.1 origin).
    const other = server.url.replace('127.0.0.1', 'localhost');
    await page.goto(`${other}/no-such-page`);
    await page.setContent(`<iframe id="f" src="${server.url}/console/"></iframe>`);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame).toBeDefined();
    await frame!.waitForLoadState('load');
    // A blocked frame holds the browser's error page, never the console's root element.
    expect(frame!.url()).toMatch(/^chrome-error:/);
    expect(await frame!.locator('#root').count()).toBe(0);
  });
});
