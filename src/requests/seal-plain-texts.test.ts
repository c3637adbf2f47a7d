import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyedMigrations } from '../app/migrations.ts';
import { deleteCustomer } from '../registry/index.ts';
import { buildPrincipal } from '../registry/test-support.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { ENGINES } from '../store/test-engines.ts';
import { requestsDb } from './request-tables.ts';
import { openWebTestApp } from './web-test-support.ts';

const EVIDENCE = 'Power of attorney signed by Yamada Hanako';
const CANCEL = 'Withdrawn by Mr Yamada on the phone; he moved to Osaka.';

describe.each(ENGINES)('sealing the free texts an older version kept plain, on $name', (engine) => {
  let t: Awaited<ReturnType<typeof openWebTestApp>>;
  beforeEach(async () => {
    t = await openWebTestApp(engine);
  });
  afterEach(() => t.close());

  /** A cancelled request by an agent, its texts then put back in clear as an older version left them. */
  const legacyRequest = async (email: string) => {
    const customerId = await t.createWebCustomer(email);
    const filed = await t.call('POST', '/v1/requests', {
      token: t.staff(),
      payload: {
        kind: 'disclosure',
        customerId,
        requester: { type: 'agent', authority: 'appointedAgent', evidence: EVIDENCE },
        channel: 'helpdesk',
        lang: 'ja',
      },
    });
    expect(filed.statusCode).toBe(201);
    const id = filed.json().id as string;
    expect((await t.staffStep(id, 'cancel', { reason: CANCEL })).statusCode).toBe(200);
    const body = await t.storedRequest(id);
    await t.storeRequest(id, {
      ...body,
      requester: { type: 'agent', authority: 'appointedAgent', evidence: EVIDENCE },
      cancelled: { ...body.cancelled!, reason: CANCEL },
    });
    return { id, customerId };
  };
  const storedBodies = async () =>
    JSON.stringify(
      await requestsDb(t.ctx.store.db).selectFrom('requests').select('body').execute(),
    );
  const migrate = () => migrateToLatest(t.ctx.store, keyedMigrations(t.ctx.keys, t.ctx.audit));

  it('seals them under the customer’s key once, and staff still read them', async () => {
    const { id } = await legacyRequest('hanako@example.jp');
    expect(await storedBodies()).toContain(EVIDENCE);

    expect((await migrate()).applied).toEqual(['0690-requests-seal-plain-texts']);
    const stored = await storedBodies();
    expect(stored).not.toContain(EVIDENCE);
    expect(stored).not.toContain(CANCEL);
    const view = (await t.call('GET', `/v1/requests/${id}`, { token: t.staff() })).json();
    expect(view.request.requester.evidence).toEqual({ state: 'shown', text: EVIDENCE });
    expect(view.request.cancelled.reason).toEqual({ state: 'shown', text: CANCEL });

    const entries = (await t.ctx.audit.list({ limit: 100 })).filter(
      (e) => e.action === 'requests.sealTexts',
    );
    expect(entries.map((e) => e.detail)).toEqual([{ sealed: 1, erased: 0 }]);
    expect((await t.ctx.audit.verify()).ok).toBe(true);
    // Recorded: opening again does not run it again.
    expect((await migrate()).applied).toEqual([]);
  });

  it('stores a deleted customer’s plain texts as erased, their key being gone', async () => {
    const kept = await legacyRequest('hanako@example.jp');
    const gone = await legacyRequest('taro@example.jp');
    await deleteCustomer(t.ctx, buildPrincipal(), { customerId: gone.customerId });

    await migrate();
    expect(await storedBodies()).not.toContain(EVIDENCE);
    expect((await t.storedRequest(gone.id)).requester).toMatchObject({
      evidence: { erased: true },
    });
    expect((await t.storedRequest(gone.id)).cancelled?.reason).toEqual({ erased: true });
    expect((await t.storedRequest(kept.id)).requester).toMatchObject({
      evidence: { sealed: expect.any(String) },
    });
    const entries = (await t.ctx.audit.list({ limit: 100 })).filter(
      (e) => e.action === 'requests.sealTexts',
    );
    expect(entries.map((e) => e.detail)).toEqual([{ sealed: 1, erased: 1 }]);
  });
});
