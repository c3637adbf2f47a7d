import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The Chromium the browser tests drive (the test run installs Debian's when root may). */
export const CHROMIUM = process.env.HOGO_CHROMIUM ?? DEBIAN_CHROMIUM;

/** Where each page visited is photographed. */
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

/** Launches headless Chromium as a container allows it. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

/** A full-page screenshot as test-results/screenshots/<name>.png. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
