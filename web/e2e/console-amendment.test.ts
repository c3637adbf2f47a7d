import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, snap } from './browser.ts';
import { startE2eServer, type E2eServer, type SeededCustomer } from './e2e-server.ts';
import { contractPurpose, readPath } from './read-purpose.ts';
import { ensureWebBuild } from './web-build.ts';

/**
 * An amendment filed at the helpdesk, fulfilled in the console: staff pick the item and give its
 * new value; the registry then holds the new value and keeps the old one as history.
 */
const POLL = { timeout: 10_000 } as const;

interface Item {
  readonly id: string;
  readonly category: string;
  readonly value?: string;
  readonly supersededAt: string | null;
}

describe('amendment fulfilled in the staff console', () => {
  let server: E2eServer;
  let browser: Browser;
  let staff: Page;
  let carol: SeededCustomer;

  const itemsOf = async (id: string) =>
    (
      await server.staffApi<{ items: Item[] }>(
        'GET',
        readPath(server.customers.find((c) => c.id === id)!),
      )
    ).body.items;

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startE2eServer(4);
    carol = server.customers.find((c) => c.email !== '')!;
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US' });
    context.setDefaultTimeout(10_000);
    staff = await context.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('changes the e-mail item to the value staff enter', async () => {
    const filed = await server.staffApi<{ id: string; state: string; kind: string }>(
      'POST',
      '/v1/requests',
      {
        kind: 'amendment',
        customerId: carol.id,
        requester: { type: 'customer' },
        channel: 'helpdesk',
      },
    );
    expect(filed.status).toBe(201);
    const read = await server.staffApi<{ request: { state: string; kind: string } }>(
      'GET',
      `/v1/requests/${filed.body.id}`,
    );
    expect(read.body.request).toMatchObject({ state: 'received', kind: 'REQUEST.AMENDMENT' });
    const email = (await itemsOf(carol.id)).find((i) => i.category === 'email')!;
    expect(email.value).toBe(carol.email);

    await staff.goto(`${server.url}/console/requests/${encodeURIComponent(filed.body.id)}`);
    await staff.getByLabel('Name').fill(server.staff.name);
    await staff.getByLabel('Password').fill(server.staff.password);
    await staff.getByRole('button', { name: 'Sign in' }).click();
    await staff.getByRole('link', { name: 'Requests', exact: true }).click();
    await staff.getByRole('link', { name: filed.body.id }).click();
    for (const name of ['Verify identity', 'Start work']) {
      await staff.getByRole('button', { name, exact: true }).click();
      await staff.getByRole('status').filter({ hasText: 'Done:' }).waitFor();
    }
    const editor = staff.getByRole('group', { name: 'Amendments' });
    await editor.getByLabel('Item', { exact: true }).selectOption(email.id);
    await editor.getByLabel('New value').fill('carol.new@example.jp');
    await editor.getByLabel('Channel').selectOption('verbal');
    await snap(staff, 'console-amendment-editor');
    // The same item twice: the API refuses, and says so next to the form.
    await editor.getByRole('button', { name: 'Add another item' }).click();
    await editor
      .getByRole('group', { name: 'Amendment 2' })
      .getByLabel('Item')
      .selectOption(email.id);
    await editor
      .getByRole('group', { name: 'Amendment 2' })
      .getByLabel('New value')
      .fill('x@example.jp');
    await staff.getByRole('button', { name: 'Fulfil', exact: true }).click();
    const form = staff.getByRole('form', { name: 'Fulfil' });
    await form.getByRole('alert').filter({ hasText: 'registry.conflict' }).waitFor();
    expect((await itemsOf(carol.id)).find((i) => i.id === email.id)?.supersededAt).toBeNull();
    await editor.getByRole('button', { name: 'Remove amendment 2' }).click();
    await staff.getByRole('button', { name: 'Fulfil', exact: true }).click();
    await staff.getByRole('status').filter({ hasText: 'Done: fulfil' }).waitFor();
    await expect
      .poll(async () => (await staff.locator('.badge.state').textContent()) ?? '', POLL)
      .toBe('fulfilled');

    const items = await itemsOf(carol.id);
    const current = items.filter((i) => i.category === 'email' && i.supersededAt === null);
    expect(current.map((i) => i.value)).toEqual(['carol.new@example.jp']);
    const history = await server.staffApi<Item[]>(
      'GET',
      `/v1/items/${current[0]!.id}/history?purpose=${contractPurpose(carol)}`,
    );
    expect(history.body.map((i) => i.value)).toEqual([carol.email, 'carol.new@example.jp']);
    expect(history.body[0]!.supersededAt).not.toBeNull();
  }, 25_000);

  it('finds the customer by the new e-mail, phone and external ID; the old e-mail finds nobody', async () => {
    await staff.getByRole('link', { name: 'Customers' }).click();
    const find = async (by: string, value: string) => {
      await staff.getByLabel('Find by').selectOption({ label: by });
      await staff.getByLabel(by, { exact: true }).fill(value);
      await staff.getByRole('button', { name: 'Find' }).click();
    };
    const opened = () =>
      staff.getByRole('heading', { level: 2, name: carol.id }).waitFor({ timeout: 10_000 });

    await find('E-mail', carol.email);
    await staff
      .getByRole('status')
      .filter({ hasText: 'No customer holds this e-mail' })
      .waitFor({ timeout: 10_000 });
    await find('E-mail', 'Carol.New@example.jp');
    await opened();
    // Values are shown for the purpose the reader names, then the versions on demand.
    await staff.getByLabel('Purpose of this read').selectOption(contractPurpose(carol));
    await staff.getByRole('cell', { name: 'carol.new@example.jp' }).waitFor({ timeout: 10_000 });
    // The corrected item shows its versions on demand, oldest first.
    await staff.getByRole('button', { name: 'History of this email' }).click();
    const versions = staff.getByRole('list', { name: 'Versions, oldest first' });
    await versions.waitFor({ timeout: 10_000 });
    expect(await versions.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining(carol.email),
      expect.stringContaining('carol.new@example.jp'),
    ]);
    expect((await versions.getByRole('listitem').first().textContent()) ?? '').toContain(
      'replaced',
    );
    // The correction keeps the first acquisition and shows its own provenance and request.
    expect((await versions.getByRole('listitem').last().textContent()) ?? '').toMatch(
      /corrected .* from the customer, request /,
    );
    await snap(staff, 'console-customer-found');

    await staff.goto(`${server.url}/console/customers`);
    const phone = carol.demo.row.phone;
    expect(phone).toBeTruthy();
    await find('Phone or line number', phone!);
    await opened();

    await staff.goto(`${server.url}/console/customers`);
    await find('External ID', carol.demo.row.externalId!);
    await opened();
    const audit = await server.staffApi<{ action: string; detail: { by?: string } }[]>(
      'GET',
      '/v1/audit?limit=50',
    );
    const lookups = audit.body.filter((e) => e.action === 'customer.lookup');
    expect(lookups.map((e) => e.detail.by)).toEqual(['externalId', 'phone', 'email', 'email']);
  }, 25_000);
});
