import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.ts';
import { buildApp } from '../http/build-app.ts';
import { ENGINES } from '../store/test-engines.ts';
import { startVerification } from './start-verification.ts';
import { verificationLimits } from './verification-limits.ts';
import { openWebTestApp } from './web-test-support.ts';

const QUARTER = 15 * 60_000;
const DAY = 24 * 60 * 60_000;

describe.each(ENGINES)('limits on one-time codes (REQUEST.WEB) on $name', (engine) => {
  let t: Awaited<ReturnType<typeof openWebTestApp>>;
  let customerId: string;
  beforeEach(async () => {
    t = await openWebTestApp(engine);
    customerId = await t.createWebCustomer('hanako@example.jp', '090-1111-2222');
  });
  afterEach(() => t.close());

  const start = (email: string, ip = '203.0.113.7') =>
    t.app.inject({
      method: 'POST',
      url: '/v1/public/verifications',
      remoteAddress: ip,
      payload: { email, lang: 'en' },
    });
  const codesSent = async () =>
    (
      (await t.call('GET', '/v1/outbox?limit=500', { token: t.staff() })).json().notices as {
        kind: string;
      }[]
    ).filter((n) => n.kind === 'verification.code').length;
  // Each start from its own client, so that only the address's limit is in play.
  let n = 0;
  const startFromAnywhere = (email: string) => start(email, `198.51.100.${++n}`);

  it('sends at most 3 codes per 15 minutes to an address, answering as for an unknown one', async () => {
    for (let i = 0; i < 3; i++)
      expect((await startFromAnywhere('hanako@example.jp')).statusCode).toBe(202);
    expect(await codesSent()).toBe(3);
    const limited = await startFromAnywhere('hanako@example.jp');
    const unknown = await startFromAnywhere('nobody@example.jp');
    expect([limited.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(Object.keys(limited.json()).sort()).toEqual(Object.keys(unknown.json()).sort());
    expect(limited.headers['retry-after']).toBeUndefined();
    expect(await codesSent()).toBe(3);
    // The limited start's verification holds no code: any code is a wrong one.
    const wrong = await t.call(
      'POST',
      `/v1/public/verifications/${limited.json().verificationId as string}/confirm`,
      { payload: { code: '123456' } },
    );
    expect(wrong.json().error).toMatchObject({ code: 'verification.wrong_code', triesLeft: 4 });
    const [entry] = await t.ctx.audit.list({ customerId, limit: 1 });
    expect(entry).toMatchObject({
      action: 'verification.start',
      detail: { matched: true, limited: true },
    });
    t.ctx.clock.advance(QUARTER);
    await startFromAnywhere('hanako@example.jp');
    expect(await codesSent()).toBe(4);
  });

  it('sends at most 10 codes a day to an address', async () => {
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 3; i++) await startFromAnywhere('hanako@example.jp');
      t.ctx.clock.advance(QUARTER);
    }
    expect(await codesSent()).toBe(10);
    await startFromAnywhere('hanako@example.jp');
    expect(await codesSent()).toBe(10);
    t.ctx.clock.advance(DAY);
    await startFromAnywhere('hanako@example.jp');
    expect(await codesSent()).toBe(11);
  });

  it('refuses the 21st start from one IP within 15 minutes with 429 and Retry-After', async () => {
    for (let i = 0; i < 20; i++)
      expect((await start(`someone${i}@example.jp`)).statusCode).toBe(202);
    t.ctx.clock.advance(60_000);
    const refused = await start('someone@example.jp');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({
      code: 'verification.rate_limited',
      retryAfter: 840,
    });
    expect(refused.headers['retry-after']).toBe('840');
    // Another client is not held back; this one is again once its oldest start is 15 minutes old.
    expect((await start('someone@example.jp', '203.0.113.8')).statusCode).toBe(202);
    t.ctx.clock.advance(840_000);
    expect((await start('someone@example.jp')).statusCode).toBe(202);
  });

  it('refuses the 31st code tried from one network within 15 minutes, right or wrong, not another’s', async () => {
    // Verifications started from many clients, codes tried from one: the per-IP start limit
    // does not stop a network trying codes on verifications begun elsewhere.
    const ids: string[] = [];
    for (let i = 0; i < 8; i++)
      ids.push((await startFromAnywhere('nobody@example.jp')).json().verificationId as string);
    const confirm = (id: string, ip: string) =>
      t.app.inject({
        method: 'POST',
        url: `/v1/public/verifications/${id}/confirm`,
        remoteAddress: ip,
        payload: { code: '123456' },
      });
    const tried: number[] = [];
    for (let i = 0; i < 30; i++)
      tried.push((await confirm(ids[i % 8]!, '203.0.113.50')).statusCode);
    // Wrong codes (400) until each verification locks after five (423): never refused by rate.
    expect(tried.every((s) => s === 400 || s === 423)).toBe(true);
    const over = await confirm(ids[0]!, '203.0.113.50');
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('verification.rate_limited');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    // Another network is not limited by this one's tries.
    const fresh = (await startFromAnywhere('nobody@example.jp')).json().verificationId as string;
    expect((await confirm(fresh, '192.0.2.77')).json().error.code).toBe('verification.wrong_code');
  });

  it('counts the client behind a trusted proxy by X-Forwarded-For, and only then', async () => {
    const proxied = await buildApp({
      policy: t.ctx.policy,
      context: t.ctx,
      logLevel: false,
      trustProxy: '127.0.0.1',
    });
    try {
      const via = (forwarded: string, remoteAddress = '127.0.0.1') =>
        proxied.inject({
          method: 'POST',
          url: '/v1/public/verifications',
          remoteAddress,
          headers: { 'x-forwarded-for': forwarded },
          payload: { email: 'someone@example.jp', lang: 'en' },
        });
      for (let i = 0; i < 20; i++) await via('198.51.100.1');
      expect((await via('198.51.100.1')).statusCode).toBe(429);
      expect((await via('198.51.100.2')).statusCode).toBe(202);
      // From a peer that is not the proxy, the header is not believed.
      for (let i = 0; i < 20; i++) await via(`192.0.2.${i}`, '203.0.113.50');
      expect((await via('192.0.2.99', '203.0.113.50')).statusCode).toBe(429);
    } finally {
      await proxied.close();
    }
  });

  it('counts concurrent starts one after the other', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => startFromAnywhere('hanako@example.jp')),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(202));
    expect(await codesSent()).toBe(3);
    const fromOneIp = await Promise.all(
      Array.from({ length: 25 }, (_, i) => start(`burst${i}@example.jp`, '192.0.2.1')),
    );
    expect(fromOneIp.filter((a) => a.statusCode === 202)).toHaveLength(20);
    expect(fromOneIp.filter((a) => a.statusCode === 429)).toHaveLength(5);
  });

  it('runs the same statements whether or not the address is a customer’s', async () => {
    // The statements executed (a sub-select is transformed too, but has no result of its own).
    const statements: string[] = [];
    const kinds = new Map<unknown, string>();
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        kinds.set(args.queryId, args.node.kind);
        return args.node;
      },
      transformResult: async (args) => {
        statements.push(kinds.get(args.queryId) ?? '?');
        return args.result;
      },
    };
    const counted = { ...t.ctx, store: { ...t.ctx.store, db: t.ctx.store.db.withPlugin(counter) } };
    const run = async (email: string) => {
      statements.length = 0;
      await startVerification(counted, { email, lang: 'ja' }, { ip: '192.0.2.77' });
      return [...statements];
    };
    await run('warm-up@example.jp');
    const known = await run('hanako@example.jp');
    const unknown = await run('nobody@example.jp');
    expect(await codesSent()).toBe(1);
    expect(unknown).toEqual(known);
  });

  it('keeps counters as keyed hashes only, and prunes them once they expire', async () => {
    await start('hanako@example.jp', '203.0.113.99');
    const rows = async () =>
      t.ctx.store.db
        .selectFrom('verification_limits' as never)
        .selectAll()
        .execute() as Promise<{ key: string }[]>;
    const before = await rows();
    expect(before).toHaveLength(2);
    const raw = JSON.stringify(before);
    expect(raw).not.toContain('hanako');
    expect(raw).not.toContain('203.0.113.99');
    t.ctx.clock.advance(DAY);
    await start('nobody@example.jp', '203.0.113.100');
    const after = await rows();
    expect(after).toHaveLength(2);
    expect(after.map((r) => r.key).some((k) => before.some((b) => b.key === k))).toBe(false);
  });
});

describe('verification limits from the environment', () => {
  it('trusts only named proxies for the client IP', () => {
    expect(loadConfig({}).trustProxy).toBeUndefined();
    expect(loadConfig({ HOGO_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toBe(
      '10.0.0.0/8, 127.0.0.1',
    );
    expect(() => loadConfig({ HOGO_TRUST_PROXY: 'true' })).toThrow(/HOGO_TRUST_PROXY/);
  });

  it('reads the documented variables, 0 turning a limit off, and refuses nonsense', () => {
    expect(verificationLimits({})).toEqual({
      perAddress: [
        { windowMs: QUARTER, max: 3 },
        { windowMs: DAY, max: 10 },
      ],
      perIp: [{ windowMs: QUARTER, max: 20 }],
      perIpConfirm: [{ windowMs: QUARTER, max: 30 }],
      perCustomerFiling: [
        { windowMs: QUARTER, max: 5 },
        { windowMs: DAY, max: 20 },
      ],
    });
    expect(
      verificationLimits({
        HOGO_VERIFY_ADDRESS_PER_15MIN: '5',
        HOGO_VERIFY_IP_PER_15MIN: '0',
        HOGO_FILE_PER_DAY: '0',
      }),
    ).toEqual({
      perAddress: [
        { windowMs: QUARTER, max: 5 },
        { windowMs: DAY, max: 10 },
      ],
      perIp: [],
      perIpConfirm: [{ windowMs: QUARTER, max: 30 }],
      perCustomerFiling: [{ windowMs: QUARTER, max: 5 }],
    });
    expect(() => verificationLimits({ HOGO_VERIFY_ADDRESS_PER_DAY: 'ten' })).toThrow(
      /HOGO_VERIFY_ADDRESS_PER_DAY/,
    );
  });
});
