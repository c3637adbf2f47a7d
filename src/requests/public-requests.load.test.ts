import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listNotices } from '../notices/index.ts';
import { noticeBody } from '../notices/test-support.ts';
import { insertCustomersBatch, prepareCustomer } from '../registry/index.ts';
import { buildPrincipal } from '../registry/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { confirmVerification } from './confirm-verification.ts';
import { requestsDb } from './request-tables.ts';
import { startVerification } from './start-verification.ts';
import { buildWebCustomer, openWebTestApp } from './web-test-support.ts';

const N = 1_000;
const sqlite = ENGINES.filter((e) => e.name === 'sqlite');

describe.each(sqlite)('1,000 concurrent public submissions on $name', (engine) => {
  let t: Awaited<ReturnType<typeof openWebTestApp>>;
  let base: string;
  const tokens: string[] = [];
  beforeAll(async () => {
    t = await openWebTestApp(engine);
    const operator = buildPrincipal({ role: 'privacyOfficer' });
    const prepared = Array.from({ length: N }, (_, i) =>
      prepareCustomer(
        t.ctx.policy,
        buildWebCustomer(`load${i}@example.jp`, `090${String(10_000_000 + i).slice(-8)}`),
      ),
    );
    await insertCustomersBatch(t.ctx, operator, prepared, { audit: 'batch' });
    // Every token through the real one-time-code path: start, read the code, confirm.
    for (let i = 0; i < N; i++) {
      // Each from its own client: one IP may ask for 20 codes per 15 minutes.
      const started = await startVerification(
        t.ctx,
        { email: `load${i}@example.jp`, lang: 'en' },
        { ip: `10.0.${i >> 8}.${i & 255}` },
      );
      const [listed] = await listNotices(t.ctx, operator, { limit: 1 });
      const code = /(\d{6})/.exec(await noticeBody(t.ctx, listed!.id))![1]!;
      const confirmed = await confirmVerification(t.ctx, {
        verificationId: started.verificationId,
        code,
      });
      tokens.push(confirmed.token);
      // Notices of the same millisecond must not be mistaken for one another.
      t.ctx.clock.advance(1);
    }
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = address;
  }, 120_000);
  afterAll(() => t?.close());

  it('stores exactly 1,000 requests, none lost or duplicated', async () => {
    expect(new Set(tokens).size).toBe(N);
    const started = performance.now();
    const answers = await Promise.all(
      tokens.map(async (token, i) => {
        const res = await fetch(`${base}/v1/public/requests`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            kind: i % 2 === 0 ? 'complaint' : 'disclosure',
            requester: { type: 'customer' },
            lang: i % 3 === 0 ? 'ja' : 'en',
          }),
        });
        return {
          status: res.status,
          body: (await res.json()) as { id: string; customerId: string },
        };
      }),
    );
    const elapsed = performance.now() - started;
    expect(answers.filter((a) => a.status !== 201)).toEqual([]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(N);
    expect(new Set(answers.map((a) => a.body.customerId)).size).toBe(N);
    const rows = await requestsDb(t.ctx.store.db)
      .selectFrom('requests')
      .select(['id', 'customer_id', 'state'])
      .execute();
    expect(rows).toHaveLength(N);
    expect(new Set(rows.map((r) => r.customer_id)).size).toBe(N);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(answers.map((a) => a.body.id)));
    expect(rows.every((r) => r.state === 'identityVerified' || r.state === 'feeDue')).toBe(true);
    const events = await requestsDb(t.ctx.store.db)
      .selectFrom('request_events')
      .select('request_id')
      .execute();
    // file + verify for every request, and the fee asked of each disclosure.
    expect(events).toHaveLength(N * 2 + N / 2);
    expect(await t.ctx.audit.verify()).toMatchObject({ ok: true });
    console.info(`1,000 concurrent public submissions: ${Math.round(elapsed)} ms`);
  }, 60_000);
});
