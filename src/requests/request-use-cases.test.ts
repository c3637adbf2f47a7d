import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HogoError } from '../errors/index.ts';
import { listNotices } from '../notices/index.ts';
import { noticeBody } from '../notices/test-support.ts';
import { createCustomer, decideForCustomer, readCustomer } from '../registry/index.ts';
import { buildCustomer, buildItem, buildPrincipal } from '../registry/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { cancelRequest } from './cancel-request.ts';
import { fileRequest } from './file-request.ts';
import { fulfilRequest } from './fulfil-request.ts';
import { listRequests } from './list-requests.ts';
import { markNotified } from './mark-notified.ts';
import { recordPayment } from './record-payment.ts';
import { refuseRequest } from './refuse-request.ts';
import { requestDetail } from './request-detail.ts';
import { startFulfilment } from './start-fulfilment.ts';
import { openRequestContext } from './test-support.ts';
import { verifyIdentity } from './verify-identity.ts';

const operator = buildPrincipal();
const auditor = buildPrincipal({ id: 'user-auditor', role: 'auditor' });

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HogoError) return e.code;
    throw e;
  }
  throw new Error('expected a HogoError');
}

describe.each(ENGINES)('requests on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openRequestContext>>;
  let customerId: string;
  let lineIds: string[];
  beforeEach(async () => {
    ctx = await openRequestContext(engine);
    const created = await createCustomer(
      ctx,
      operator,
      buildCustomer({
        subscriberLines: [{ number: '090-1111-2222' }, { number: '090-3333-4444' }],
      }),
    );
    customerId = created.id;
    const view = await readCustomer(ctx, operator, { customerId, values: false });
    lineIds = view.subscriberLines.map((l) => l.id);
  });
  afterEach(() => ctx.close());

  const file = (kind: string, extra: object = {}) =>
    fileRequest(ctx, operator, {
      kind,
      customerId,
      requester: { type: 'customer' },
      channel: 'helpdesk',
      ...extra,
    });

  it('charges a disclosure naming no line for every line the customer holds, as it discloses them all', async () => {
    const filed = await file('disclosure');
    expect(filed.fee).toMatchObject({ lines: lineIds.length, total: 1100 * lineIds.length });
    const due = await verifyIdentity(ctx, operator, { requestId: filed.id, method: 'callback' });
    expect(due.fee.total).toBe(1100 * lineIds.length);
    expect((await file('disclosure', { lineIds: [lineIds[0]] })).fee.total).toBe(1100);
  });

  it('takes a disclosure of two lines through fee, payment and fulfilment, audited at every step', async () => {
    const filed = await file('disclosure', { lineIds });
    expect(filed).toMatchObject({ state: 'received', charged: true, fee: { total: 2200 } });
    const due = await verifyIdentity(ctx, operator, {
      requestId: filed.id,
      method: 'helpdeskKnowledge',
    });
    expect(due.state).toBe('feeDue');
    expect(await codeOf(startFulfilment(ctx, operator, { requestId: filed.id }))).toBe(
      'requests.illegal_transition',
    );
    expect(await codeOf(recordPayment(ctx, operator, { requestId: filed.id, amount: 1100 }))).toBe(
      'requests.invalid_payment',
    );
    await recordPayment(ctx, operator, { requestId: filed.id, amount: 2200, reference: 'R-9' });
    await startFulfilment(ctx, operator, { requestId: filed.id });
    const result = await fulfilRequest(ctx, operator, { requestId: filed.id });
    expect(result.request.state).toBe('fulfilled');
    const pkg = result.disclosure!;
    expect(pkg.items).toHaveLength(3);
    const email = pkg.items.find((i) => i.category === 'email')!;
    expect(email).toMatchObject({ value: 'taro.yamada@example.jp', channel: 'electronic' });
    expect(email.purposes.length).toBeGreaterThan(0);
    expect(email.purposes[0]!.clauses).toContain(email.purposes[0]!.purpose);
    // The package is delivered, not stored: the request keeps its digest only.
    expect(JSON.stringify(result.request)).not.toContain('example.jp');
    await markNotified(ctx, operator, { requestId: filed.id });

    const detail = await requestDetail(ctx, auditor, { requestId: filed.id });
    expect(detail.events.map((e) => e.type)).toEqual([
      'file',
      'verify',
      'requestFee',
      'pay',
      'start',
      'fulfil',
      'notify',
    ]);
    expect(detail.request.state).toBe('notified');
    const audited = (await ctx.audit.list({ customerId, limit: 500 }))
      .filter((e) => e.action.startsWith('request.'))
      .map((e) => e.action)
      .reverse();
    expect(audited).toEqual(detail.events.map((e) => `request.${e.type}`));
    expect((await ctx.audit.verify()).ok).toBe(true);
  });

  it('records a granted suspension of use so that decide denies citing REQUEST.SUSPEND_USE', async () => {
    const filed = await file('suspend-use');
    await verifyIdentity(ctx, operator, { requestId: filed.id, method: 'idDocument' });
    await startFulfilment(ctx, operator, { requestId: filed.id });
    const view = await readCustomer(ctx, operator, { customerId, values: false });
    const itemId = view.items[0]!.id;
    const ask = () =>
      decideForCustomer(ctx, operator, { customerId, itemId, purpose: 'PURPOSE.REG.5' });
    expect((await ask()).decision).toBe('permit');
    await fulfilRequest(ctx, operator, { requestId: filed.id, purposes: ['PURPOSE.REG.5'] });
    const after = await ask();
    expect(after.decision).toBe('deny');
    expect(after.clauses).toContain('REQUEST.SUSPEND_USE');
  });

  it('amends an item of the customer and refuses an item of another', async () => {
    const filed = await file('amendment');
    await verifyIdentity(ctx, operator, { requestId: filed.id, method: 'callback' });
    await startFulfilment(ctx, operator, { requestId: filed.id });
    const view = await readCustomer(ctx, operator, { customerId, values: false });
    const email = view.items.find((i) => i.category === 'email')!;
    expect(
      await codeOf(
        fulfilRequest(ctx, operator, {
          requestId: filed.id,
          amendments: [{ itemId: 'not-hers', update: { value: 'a@b.jp' } }],
        }),
      ),
    ).toBe('requests.invalid_item');
    const done = await fulfilRequest(ctx, operator, {
      requestId: filed.id,
      amendments: [{ itemId: email.id, update: { value: 'hanako@example.jp' } }],
    });
    expect(done.request.state).toBe('fulfilled');
    const updated = await readCustomer(ctx, operator, { customerId, purpose: 'PURPOSE.REG.1a' });
    expect(updated.items.find((i) => i.category === 'email')?.value).toBe('hanako@example.jp');
  });

  it('erases nothing before a deletion is under way, then erases the customer', async () => {
    const filed = await file('deletion');
    await verifyIdentity(ctx, operator, { requestId: filed.id, method: 'idDocument' });
    // Not started yet: nothing may be erased.
    expect(await codeOf(fulfilRequest(ctx, operator, { requestId: filed.id }))).toBe(
      'requests.illegal_transition',
    );
    expect((await readCustomer(ctx, operator, { customerId, values: false })).id).toBe(customerId);
    await startFulfilment(ctx, operator, { requestId: filed.id });
    // Whoever erases must be able to write the letter that tells the customer: no silent skip.
    const blind = buildPrincipal({
      id: 'user-blind',
      scope: { categories: new Set(['name']), purposes: 'all' },
    });
    expect(await codeOf(fulfilRequest(ctx, blind, { requestId: filed.id }))).toBe('auth.forbidden');
    expect((await readCustomer(ctx, operator, { customerId, values: false })).id).toBe(customerId);
    await fulfilRequest(ctx, operator, { requestId: filed.id });
    expect(
      await codeOf(readCustomer(ctx, operator, { customerId, purpose: 'PURPOSE.REG.1a' })),
    ).toBe('registry.not_found');
  });

  it('refuses to erase a customer whose only address the principal may not read', async () => {
    // Name and postal address, no e-mail: a principal scoped to e-mail could write no letter.
    const postOnly = await createCustomer(
      ctx,
      operator,
      buildCustomer({
        items: [
          buildItem({ category: 'name', value: '佐藤　花子', channel: 'writing' }),
          buildItem({
            category: 'address',
            value: '東京都千代田区大手町1-1-1',
            channel: 'writing',
          }),
        ],
      }),
    );
    const filed = await fileRequest(ctx, operator, {
      kind: 'deletion',
      customerId: postOnly.id,
      requester: { type: 'customer' },
      channel: 'helpdesk',
    });
    await verifyIdentity(ctx, operator, { requestId: filed.id, method: 'idDocument' });
    await startFulfilment(ctx, operator, { requestId: filed.id });
    const emailOnly = buildPrincipal({
      id: 'user-email-only',
      scope: { categories: new Set(['email', 'name']), purposes: 'all' },
    });
    expect(await codeOf(fulfilRequest(ctx, emailOnly, { requestId: filed.id }))).toBe(
      'auth.forbidden',
    );
    await fulfilRequest(ctx, operator, { requestId: filed.id });
    const letters = await listNotices(ctx, operator, { requestId: filed.id });
    expect(letters.map((n) => n.channel)).toEqual(['post']);
  });

  it('refuses a receipt in the future: it would move the due date past the law’s days', async () => {
    await expect(
      file('disclosure', { receivedAt: '2026-06-01T00:00:00+09:00' }),
    ).rejects.toMatchObject({
      code: 'requests.invalid_instant',
      details: { field: 'receivedAt' },
    });
    // A clock a minute ahead is not the future.
    const now = new Date(ctx.clock() + 60_000).toISOString();
    expect((await file('disclosure', { receivedAt: now })).state).toBe('received');
  });

  it('refuses with a ground of the law, and lists overdue and due-soon requests', async () => {
    const old = await file('disclosure', { receivedAt: '2025-12-20T10:00:00+09:00' });
    const soon = await file('complaint', { receivedAt: '2025-12-29T10:00:00+09:00' });
    const fresh = await file('comment');
    expect((await listRequests(ctx, auditor, { due: 'overdue' })).map((r) => r.id)).toEqual([
      old.id,
    ]);
    expect((await listRequests(ctx, auditor, { due: 'soon' })).map((r) => r.id)).toEqual([soon.id]);
    expect((await listRequests(ctx, auditor, { kind: 'comment' }))[0]).toMatchObject({
      id: fresh.id,
      dueStatus: 'onTime',
    });

    await verifyIdentity(ctx, operator, { requestId: soon.id, method: 'callback' });
    await startFulfilment(ctx, operator, { requestId: soon.id });
    expect(
      await codeOf(
        refuseRequest(ctx, operator, {
          requestId: soon.id,
          refusal: { reason: 'notHeld', message: 'No data.' },
        }),
      ),
    ).toBe('requests.invalid_refusal_reason');
    await cancelRequest(ctx, operator, { requestId: soon.id, reason: 'withdrawn by the customer' });
    expect(await listRequests(ctx, auditor, { due: 'soon' })).toEqual([]);
    expect((await listRequests(ctx, auditor, { state: 'cancelled' })).map((r) => r.id)).toEqual([
      soon.id,
    ]);
  });

  it('refuses a line of no customer and a role without the permission', async () => {
    expect(await codeOf(file('disclosure', { lineIds: ['line-x'] }))).toBe('requests.invalid_line');
    expect(
      await codeOf(
        fileRequest(ctx, auditor, {
          kind: 'comment',
          customerId,
          requester: { type: 'customer' },
          channel: 'web',
        }),
      ),
    ).toBe('auth.forbidden');
    expect(await listRequests(ctx, auditor)).toEqual([]);
  });

  it('sends a disclosure asked for on paper by post with the pages enclosed, though an e-mail is on file', async () => {
    const both = await createCustomer(
      ctx,
      operator,
      buildCustomer({
        externalId: 'PAPER-1',
        items: [
          buildItem(),
          buildItem({
            category: 'address',
            value: '東京都千代田区大手町1-1-1',
            channel: 'writing',
          }),
        ],
      }),
    );
    const filed = await fileRequest(ctx, operator, {
      kind: 'disclosure',
      customerId: both.id,
      requester: { type: 'customer' },
      channel: 'helpdesk',
      deliveryMethod: 'paper',
      lang: 'en',
    });
    await verifyIdentity(ctx, operator, { requestId: filed.id, method: 'idDocument' });
    await recordPayment(ctx, operator, { requestId: filed.id, amount: 1100 });
    await startFulfilment(ctx, operator, { requestId: filed.id });
    await fulfilRequest(ctx, operator, { requestId: filed.id });
    await markNotified(ctx, operator, { requestId: filed.id });
    const letters = await listNotices(ctx, operator, { requestId: filed.id });
    expect(letters.map((n) => n.channel)).toEqual(['post']);
    const body = await noticeBody(ctx, letters[0]!.id);
    expect(body).toContain('enclosed with this letter, printed on paper');
    expect(body).not.toContain('one-time code');
  });

  it('refuses a request whose requester could not be identified, and tells the customer why', async () => {
    const filed = await file('complaint', { lang: 'en' });
    const refused = await refuseRequest(ctx, operator, {
      requestId: filed.id,
      refusal: {
        reason: 'identityNotConfirmed',
        message: 'The caller could not answer our checks.',
      },
    });
    expect(refused.state).toBe('refused');
    await markNotified(ctx, operator, { requestId: filed.id });
    const [letter] = await listNotices(ctx, operator, { requestId: filed.id });
    const body = await noticeBody(ctx, letter!.id);
    expect(body).toContain('could not be fulfilled');
    expect(body).toContain('APPI Art. 37(1)');
    expect(body).toContain('The caller could not answer our checks.');
  });

  it('records an agent with the authority checked', async () => {
    const filed = await file('disclosure', {
      requester: {
        type: 'agent',
        authority: 'legalRepresentative',
        evidence: 'family register extract',
      },
      deliveryMethod: 'paper',
    });
    const detail = await requestDetail(ctx, operator, { requestId: filed.id });
    expect(detail.request.requester).toMatchObject({ authority: 'legalRepresentative' });
    expect(detail.request.deliveryMethod).toBe('paper');
    expect(detail.events[0]!.detail).toMatchObject({ requester: 'agent' });
  });
});
