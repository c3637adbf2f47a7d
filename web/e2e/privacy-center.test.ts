import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPrincipal } from '../../src/cli/cli-principal.ts';
import { noticeBody } from '../../src/notices/test-support.ts';
import { createCustomer } from '../../src/registry/index.ts';
import { buildWebCustomer } from '../../src/requests/web-test-support.ts';
import { emailHash, googleAudience } from './ad-hashes.ts';
import { launchBrowser, snap } from './browser.ts';
import { startE2eServer, type E2eServer, type SeededCustomer } from './e2e-server.ts';
import { contractPurpose, readPath } from './read-purpose.ts';
import { ensureWebBuild } from './web-build.ts';

/**
 * The web pages in a real browser against a real server: a customer files requests in the
 * privacy center, proves who they are by a one-time code, staff work them in the console, and
 * the customer downloads what was disclosed; a deletion leaves nothing of the customer behind.
 */
/** How long a page may take to show what a step changed. */
const POLL = { timeout: 10_000 } as const;

describe('privacy center and staff console in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let staff: Page;
  let alice: SeededCustomer;
  let bob: SeededCustomer;

  /** A fresh browser context (its own storage: one customer each) and a page in it. */
  const newPage = async (locale: string): Promise<Page> => {
    const context = await browser.newContext({ locale });
    context.setDefaultTimeout(10_000);
    return context.newPage();
  };

  /** The 6-digit code of the newest verification notice, as the customer's mailbox has it. */
  const codeFromOutbox = async (): Promise<string> => {
    const list = await server.staffApi<{ notices: { id: string; kind: string }[] }>(
      'GET',
      '/v1/outbox?limit=20',
    );
    const notice = list.body.notices.find((n) => n.kind === 'verification.code');
    expect(notice).toBeDefined();
    const code = /\b(\d{6})\b/.exec(await noticeBody(server.ctx, notice!.id))?.[1];
    expect(code).toMatch(/^\d{6}$/);
    return code!;
  };

  /** The address the registry holds for a customer (what a real family member would say). */
  const addressOnFile = async (c: SeededCustomer): Promise<string> => {
    const read = await server.staffApi<{ items: { category: string; value?: string }[] }>(
      'GET',
      readPath(c),
    );
    return read.body.items.find((i) => i.category === 'address')!.value!;
  };

  /** The customer's requests as staff see them. */
  const requestsOf = async (customerId: string) =>
    (
      await server.staffApi<{
        requests: { id: string; kind: string; state: string; customerId: string }[];
      }>('GET', '/v1/requests?limit=500')
    ).body.requests.filter((r) => r.customerId === customerId);

  /** Works a request in the console: opens it and presses each button in turn. */
  const work = async (requestId: string, buttons: readonly string[], shot: string) => {
    await staff.getByRole('link', { name: 'Requests', exact: true }).click();
    await staff.getByRole('link', { name: requestId }).click();
    await expect.poll(() => staff.getByRole('heading', { name: 'Actions' }).count(), POLL).toBe(1);
    for (const name of buttons) {
      await staff.getByRole('button', { name, exact: true }).click();
      await staff.getByRole('status').filter({ hasText: 'Done:' }).waitFor();
    }
    await snap(staff, shot);
  };

  /** Downloads a package from the customer's request page and returns its text. */
  const downloadFrom = async (page: Page, button: string): Promise<string> => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button }).click(),
    ]);
    return readFileSync((await file.path())!, 'utf8');
  };

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startE2eServer(30);
    browser = await launchBrowser();
    // Two customers with an e-mail address whose hashes an ad audience holds today.
    const audience = await googleAudience(server);
    const exported = server.customers.filter(
      (c) => c.email !== '' && audience.includes(emailHash(c.email)),
    );
    expect(exported.length).toBeGreaterThanOrEqual(2);
    [alice, bob] = exported as [SeededCustomer, SeededCustomer];
    staff = await newPage('en-US');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the policy, generated from the enforced file, in English and Japanese', async () => {
    const page = await newPage('en-US');
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Privacy policy' }).waitFor();
    await page.getByRole('cell', { name: 'Disclosure', exact: true }).waitFor();
    await expect.poll(() => page.getByText('¥1,100 per subscriber line').count(), POLL).toBe(1);
    const frame = page.frameLocator('iframe[title="The privacy policy, in full"]');
    await frame.locator('h1').first().waitFor();
    await snap(page, 'center-policy-en');
    // Keyboard: the first Tab reaches the skip link, Enter moves to the content.
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.locator(':focus').getAttribute('id')).toBe('content');
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { name: 'プライバシーポリシー' }).waitFor();
    await page.getByRole('cell', { name: '第三者提供記録の開示' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await page.locator('iframe').getAttribute('src')).toBe('/policy?lang=ja&embed=true');
    await page.frameLocator('iframe').locator('h1').first().waitFor();
    // The frame follows the page's language switch and has none of its own.
    expect(await page.frameLocator('iframe').locator('[hreflang]').count()).toBe(0);
    await snap(page, 'center-policy-ja');
    await page.context().close();
  });

  it('(a) a disclosure and the records of provision, in Japanese: code, payment, fulfilment, download', async () => {
    // The console: sign in, and answer a family caller about Alice (a provision, recorded).
    await staff.goto(`${server.url}/console/`);
    await snap(staff, 'console-login');
    await staff.getByLabel('Name').fill(server.staff.name);
    await staff.getByLabel('Password').fill(server.staff.password);
    await staff.getByRole('button', { name: 'Sign in' }).click();
    await staff.getByRole('heading', { name: 'Requests' }).waitFor();
    await staff.getByRole('link', { name: 'Family caller' }).click();
    await staff.getByLabel('Customer ID').fill(alice.id);
    await staff.getByLabel('Relation the caller states').selectOption('spouse');
    await staff.getByLabel('Caller’s name').fill('家族 花子');
    await staff.getByLabel('Customer’s name, as stated').fill(alice.name);
    await staff.getByLabel('Customer’s address, as stated').fill(await addressOnFile(alice));
    await staff.getByRole('button', { name: 'Check and answer' }).click();
    await staff.getByRole('heading', { name: 'May be told' }).waitFor();
    await snap(staff, 'console-family-answered');

    // The privacy center, in Japanese: a disclosure, then (already verified) the records.
    const page = await newPage('ja-JP');
    await page.goto(`${server.url}/#request`);
    await page.getByRole('heading', { name: 'ご請求の手続き' }).waitFor();
    await page.getByRole('radio', { name: /^開示/ }).check();
    await page.getByLabel(/ご請求の内容/).fill('保有しているすべての情報を開示してください。');
    await snap(page, 'center-request-form-ja');
    // Every control of the form has a label a screen reader announces.
    const unlabelled = await page
      .locator('main input, main select, main textarea')
      .evaluateAll(
        (controls) =>
          controls.filter(
            (c) => (c as unknown as { labels: { length: number } | null }).labels?.length === 0,
          ).length,
      );
    expect(unlabelled).toBe(0);
    await page.getByRole('button', { name: '次へ' }).click();
    await page.getByLabel('メールアドレス').fill(alice.email);
    await page.getByRole('button', { name: '確認コードを送る' }).click();
    await page.getByLabel('確認コード（6桁）').fill(await codeFromOutbox());
    await snap(page, 'center-verify-ja');
    await page.getByRole('button', { name: '確認する' }).click();
    await page.getByText('ご請求を受け付けました。').waitFor();
    await snap(page, 'center-filed-ja');
    await page.getByRole('button', { name: '別のご請求をする' }).click();
    await page.getByRole('radio', { name: /^第三者提供記録の開示/ }).check();
    await page.getByRole('button', { name: 'この内容で請求する' }).click();
    await page.getByText('ご請求を受け付けました。').waitFor();

    const filed = await requestsOf(alice.id);
    const disclosure = filed.find((r) => r.kind === 'REQUEST.DISCLOSURE')!;
    const records = filed.find((r) => r.kind === 'REQUEST.PROVISION_RECORDS')!;
    // REQUEST.FEE: the disclosure is charged, the records of provision are not.
    expect([disclosure.state, records.state]).toEqual(['feeDue', 'identityVerified']);

    await page.getByRole('link', { name: 'ご請求の状況', exact: true }).click();
    await expect.poll(() => page.getByText('お支払い待ち').count(), POLL).toBe(1);
    await snap(page, 'center-my-requests-ja');

    // Staff: payment, start, fulfil — each button the state allows, in turn.
    await staff.getByRole('link', { name: 'Requests', exact: true }).click();
    await staff.getByRole('link', { name: disclosure.id }).waitFor();
    await snap(staff, 'console-queue');
    await work(
      disclosure.id,
      ['Record payment', 'Start work', 'Fulfil'],
      'console-request-fulfilled',
    );
    await work(records.id, ['Start work', 'Fulfil'], 'console-request-records-fulfilled');
    expect((await requestsOf(alice.id)).map((r) => r.state)).toEqual(['fulfilled', 'fulfilled']);

    // The customer sees both done and downloads each package.
    await page.getByRole('button', { name: '最新の状況に更新' }).click();
    await expect.poll(() => page.getByText('対応完了').count(), POLL).toBe(2);
    await page.getByRole('button', { name: /^詳細: 開示/ }).click();
    await page.getByRole('heading', { name: '開示データ' }).waitFor();
    await snap(page, 'center-request-detail-ja');
    const pkg = JSON.parse(await downloadFrom(page, 'ダウンロード（JSONデータ）'));
    expect(pkg.format).toBe('hogo/disclosure@1');
    expect(pkg.customerId).toBe(alice.id);
    const values = pkg.items.map((i: { value?: string }) => i.value);
    expect(values).toContain(alice.email);
    expect(values).toContain(await addressOnFile(alice));
    const html = await downloadFrom(page, 'ダウンロード（閲覧用ページ）');
    expect(html).toContain(alice.email);

    await page.getByRole('button', { name: '一覧に戻る' }).click();
    await page.getByRole('button', { name: /^詳細: 第三者提供記録の開示/ }).click();
    await page.getByRole('heading', { name: '開示データ' }).waitFor();
    const provided = JSON.parse(await downloadFrom(page, 'ダウンロード（JSONデータ）'));
    expect(provided.format).toBe('hogo/provision-records@1');
    // The family caller answered above, and the ad audience exported before the test began.
    expect(provided.records.map((r: { clause: string }) => r.clause).sort()).toEqual([
      'ADS',
      'PROVIDE.FAMILY',
    ]);
    expect(provided.records).toContainEqual(
      expect.objectContaining({ recipient: expect.objectContaining({ kind: 'family' }) }),
    );
    await page.context().close();
  }, 60_000);

  it('(b) a deletion, in English: afterwards the customer is gone from the API and from ad audiences', async () => {
    // Her only contract ended in 2012: no retention duty keeps anything (RETAIN), so the
    // deletion erases her whole. A customer under contract keeps what the contract needs.
    const dora = await createCustomer(server.ctx, cliPrincipal('e2e'), {
      ...buildWebCustomer('dora.ended@example.jp', '090-5555-0101'),
      services: [
        {
          name: 'OCN',
          startedAt: '2005-05-01T10:00:00+09:00',
          endedAt: '2012-05-01T10:00:00+09:00',
        },
      ],
    });
    const page = await newPage('en-US');
    await page.goto(`${server.url}/#request`);
    await page.getByRole('radio', { name: /^Deletion/ }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('E-mail address').fill('dora.ended@example.jp');
    await page.getByRole('button', { name: 'Send the code' }).click();
    await page.getByLabel('6-digit code').fill(await codeFromOutbox());
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Your request has been received.').waitFor();
    await snap(page, 'center-filed-en');
    const [deletion] = await requestsOf(dora.id);
    expect(deletion).toMatchObject({ kind: 'REQUEST.DELETION', state: 'identityVerified' });

    await work(
      deletion!.id,
      ['Start work', 'Fulfil', 'Notify the customer'],
      'console-deletion-notified',
    );
    await page.getByRole('link', { name: 'My requests', exact: true }).click();
    await page.getByText('Answered').waitFor();
    await snap(page, 'center-my-requests-en');

    const read = await server.staffApi<{ items?: { value?: string }[] }>(
      'GET',
      `/v1/customers/${dora.id}?values=false`,
    );
    if (read.status === 200) expect(read.body.items ?? []).toEqual([]);
    else expect(read.status).toBe(404);
    await staff.getByRole('link', { name: 'Customers' }).click();
    await staff.getByLabel('Customer ID').fill(dora.id);
    await staff.getByRole('button', { name: 'Open' }).click();
    await staff.getByText('No customer with this ID').waitFor();
    await snap(staff, 'console-customer-erased');
    const audience = await googleAudience(server);
    expect(audience).not.toContain(emailHash('dora.ended@example.jp'));
    expect(audience).toContain(emailHash(alice.email));
    await page.context().close();
  }, 60_000);

  it('console: queue filters, a customer, a friend refused, the outbox and the audit log', async () => {
    await staff.getByRole('link', { name: 'Customers' }).click();
    await staff.getByLabel('Customer ID').fill(alice.id);
    await staff.getByRole('button', { name: 'Open' }).click();
    await staff.getByLabel('Purpose of this read').selectOption(contractPurpose(alice));
    await staff.getByRole('cell', { name: alice.email }).waitFor();
    await snap(staff, 'console-customer');

    // Two requests taken at the helpdesk earlier: one past its due date, one due within 3 days.
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    for (const [kind, received] of [
      ['complaint', daysAgo(20)],
      ['comment', daysAgo(12)],
    ] as const) {
      const filed = await server.staffApi('POST', '/v1/requests', {
        kind,
        customerId: alice.id,
        requester: { type: 'customer' },
        channel: 'helpdesk',
        receivedAt: received,
      });
      expect(filed.status).toBe(201);
    }

    await staff.getByRole('link', { name: 'Requests', exact: true }).click();
    const rows = staff.locator('table[aria-label="Request queue"] tbody tr');
    await expect.poll(() => rows.count(), POLL).toBe(5);
    // Earliest due first: the overdue one, then the one due soon, highlighted.
    expect(await rows.nth(0).getAttribute('class')).toBe('overdue');
    expect(await rows.nth(1).getAttribute('class')).toBe('dueSoon');
    await snap(staff, 'console-queue-due');
    await staff.getByLabel('State').selectOption('fulfilled');
    await expect.poll(() => rows.count(), POLL).toBe(2);
    await staff.getByLabel('State').selectOption('');
    await staff.getByLabel('Kind').selectOption('REQUEST.DELETION');
    await expect.poll(() => rows.count(), POLL).toBe(1);
    expect(await rows.first().getAttribute('data-state')).toBe('notified');
    await staff.getByLabel('Kind').selectOption('');
    await staff.getByLabel('Due').selectOption('overdue');
    await expect.poll(() => rows.count(), POLL).toBe(1);
    await rows.getByText('Complaint').waitFor();
    await staff.getByLabel('Due').selectOption('soon');
    await rows.getByText('Comment').waitFor();
    await staff.getByLabel('State').selectOption('notified');
    await staff.getByText('No requests match.').waitFor();
    await snap(staff, 'console-queue-filtered');

    await staff.getByRole('link', { name: 'Family caller' }).click();
    await staff.getByLabel('Customer ID').fill(alice.id);
    await staff.getByLabel('Relation the caller states').selectOption('friend');
    await staff.getByLabel('Caller’s name').fill('友人 一郎');
    await staff.getByLabel('Customer’s name, as stated').fill(alice.name);
    await staff.getByLabel('Customer’s address, as stated').fill(await addressOnFile(alice));
    await staff.getByRole('button', { name: 'Check and answer' }).click();
    const refusal = staff.getByRole('alert');
    await refusal.filter({ hasText: 'family.not_family' }).waitFor();
    expect(await refusal.textContent()).not.toContain(alice.address);
    expect(await staff.getByRole('heading', { name: 'May be told' }).count()).toBe(0);
    await snap(staff, 'console-family-refused');

    await staff.getByRole('link', { name: 'Outbox' }).click();
    const notices = staff.locator('table[aria-label="Notices"] tbody tr');
    // Two one-time codes; the oldest is Alice's (Bob's was erased with his key).
    await expect.poll(() => notices.count(), POLL).toBeGreaterThanOrEqual(2);
    await notices.last().getByRole('button', { name: 'Read' }).click();
    // Staff never see a one-time code.
    await staff.locator('pre.body').filter({ hasText: 'never shown to staff' }).waitFor();
    expect(await staff.locator('pre.body').textContent()).not.toMatch(/\d{6}/);
    await snap(staff, 'console-outbox');

    await staff.getByRole('link', { name: 'Audit log' }).click();
    const entries = staff.locator('table[aria-label="Audit entries"] tbody tr');
    await expect.poll(() => entries.count(), POLL).toBeGreaterThan(10);
    await staff.getByRole('cell', { name: 'customer.delete' }).first().waitFor();
    await snap(staff, 'console-audit');
  });

  it('(c) a notice of the purposes of use, in English: filed in the center, fulfilled in the console, told by letter', async () => {
    const carol = server.customers.find(
      (c) => c.email !== '' && c.id !== alice.id && c.id !== bob.id,
    )!;
    const page = await newPage('en-US');
    await page.goto(`${server.url}/#request`);
    // The kind's name and properties come from the policy file through the API.
    await page.getByRole('radio', { name: /^Notice of the purposes of use/ }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('E-mail address').fill(carol.email);
    await page.getByRole('button', { name: 'Send the code' }).click();
    await page.getByLabel('6-digit code').fill(await codeFromOutbox());
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Your request has been received.').waitFor();
    const [notice] = await requestsOf(carol.id);
    expect(notice).toMatchObject({ kind: 'REQUEST.PURPOSES', state: 'identityVerified' });

    await work(notice!.id, ['Start work', 'Fulfil', 'Notify the customer'], 'console-purposes');
    const letters = await server.staffApi<{ notices: { id: string; kind: string }[] }>(
      'GET',
      `/v1/outbox?requestId=${notice!.id}`,
    );
    const outcome = letters.body.notices.find((n) => n.kind === 'request.outcome')!;
    const body = await noticeBody(server.ctx, outcome.id);
    expect(body).toContain('Notice of the purposes of use');
    expect(body).toMatch(/E-mail address: \S/);
    await page.context().close();
  }, 60_000);
});
