import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, snap } from './browser.ts';
import { startE2eServer, type E2eServer, type SeededCustomer } from './e2e-server.ts';
import { readPath } from './read-purpose.ts';
import { ensureWebBuild } from './web-build.ts';

/**
 * An addition and a suspension of use, filed at the helpdesk and fulfilled in the console: the
 * registry then holds the added item with its provenance, and decisions for the suspended
 * purpose are refused citing REQUEST.SUSPEND_USE.
 */
const POLL = { timeout: 10_000 } as const;

interface Item {
  readonly id: string;
  readonly category: string;
  readonly value?: string;
  readonly channel: string;
  readonly supersededAt: string | null;
}

describe('addition and suspension of use fulfilled in the staff console', () => {
  let server: E2eServer;
  let browser: Browser;
  let staff: Page;
  let customer: SeededCustomer;

  const itemsOf = async (id: string) =>
    (
      await server.staffApi<{ items: Item[] }>(
        'GET',
        readPath(server.customers.find((c) => c.id === id)!),
      )
    ).body.items;

  /** Files a request of `kind` at the helpdesk and opens it, verified and started, in the console. */
  const openStarted = async (kind: string) => {
    const filed = await server.staffApi<{ id: string }>('POST', '/v1/requests', {
      kind,
      customerId: customer.id,
      requester: { type: 'customer' },
      channel: 'helpdesk',
    });
    expect(filed.status).toBe(201);
    await staff.goto(`${server.url}/console/requests/${encodeURIComponent(filed.body.id)}`);
    for (const name of ['Verify identity', 'Start work']) {
      await staff.getByRole('button', { name, exact: true }).click();
      await staff.getByRole('status').filter({ hasText: 'Done:' }).waitFor();
    }
    return filed.body.id;
  };
  const fulfil = async () => {
    await staff.getByRole('button', { name: 'Fulfil', exact: true }).click();
    await staff.getByRole('status').filter({ hasText: 'Done: fulfil' }).waitFor();
    await expect
      .poll(async () => (await staff.locator('.badge.state').textContent()) ?? '', POLL)
      .toBe('fulfilled');
  };

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startE2eServer(6);
    customer = server.customers.find(
      (c) => c.demo.row.group === 'REG' && !c.demo.suspension && !c.demo.optOut,
    )!;
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US' });
    context.setDefaultTimeout(10_000);
    staff = await context.newPage();
    await staff.goto(`${server.url}/console/`);
    await staff.getByLabel('Name').fill(server.staff.name);
    await staff.getByLabel('Password').fill(server.staff.password);
    await staff.getByRole('button', { name: 'Sign in' }).click();
    await staff.getByRole('link', { name: 'Requests', exact: true }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds the item staff enter, with the channel it came by', async () => {
    await openStarted('addition');
    const editor = staff.getByRole('group', { name: 'Additions' });
    const row = editor.getByRole('group', { name: 'Addition 1' });
    await row.getByLabel('Category').selectOption('email');
    await row.getByLabel('Value').fill('Second.Address@Example.JP');
    await row.getByLabel('Channel').selectOption('writing');
    await row.getByLabel('Obtained at').fill('2026-11-20T10:30');
    await snap(staff, 'console-addition-editor');
    await fulfil();
    const added = (await itemsOf(customer.id)).filter(
      (i) => i.category === 'email' && i.value === 'second.address@example.jp',
    );
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ channel: 'writing', supersededAt: null });
  }, 30_000);

  it('suspends the purpose staff check: a decision for it is then refused, citing the request', async () => {
    const item = (await itemsOf(customer.id)).find((i) => i.supersededAt === null)!;
    const decide = async () =>
      (
        await server.staffApi<{ decision: string; clauses: string[] }>('POST', '/v1/decide', {
          customerId: customer.id,
          itemId: item.id,
          purpose: 'PURPOSE.REG.5',
        })
      ).body;
    expect((await decide()).clauses).not.toContain('REQUEST.SUSPEND_USE');
    await openStarted('suspend-use');
    const picker = staff.getByRole('group', { name: 'Purposes to suspend' });
    await picker.getByLabel(/\(PURPOSE\.REG\.5\)/).check();
    await snap(staff, 'console-suspend-use');
    await fulfil();
    expect(await decide()).toMatchObject({
      decision: 'deny',
      clauses: expect.arrayContaining(['REQUEST.SUSPEND_USE']),
    });
  }, 30_000);
});
