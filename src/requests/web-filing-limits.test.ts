import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../store/test-engines.ts';
import { openWebTestApp } from './web-test-support.ts';

describe.each(ENGINES)('a customer’s web filings are bounded on $name', (engine) => {
  let t: Awaited<ReturnType<typeof openWebTestApp>>;
  let token: string;
  beforeEach(async () => {
    t = await openWebTestApp(engine);
    await t.createWebCustomer('hanako@example.jp');
    token = await t.verify('hanako@example.jp');
  });
  afterEach(() => t.close());

  const file = (kind: string) =>
    t.call('POST', '/v1/public/requests', {
      token,
      payload: { kind, requester: { type: 'customer' } },
    });

  it('files one of 20 identical deletions sent at once, refusing the rest naming it', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => file('deletion')));
    const filed = answers.filter((a) => a.statusCode === 201);
    expect(filed).toHaveLength(1);
    const id = filed[0]!.json().id as string;
    const refused = answers.filter((a) => a.statusCode !== 201);
    // The first five are under the filing rate; all of those but one are duplicates.
    for (const a of refused) {
      expect([409, 429]).toContain(a.statusCode);
      if (a.statusCode === 409)
        expect(a.json().error).toMatchObject({ code: 'requests.duplicate_open', requestId: id });
      else expect(a.json().error.code).toBe('requests.rate_limited');
    }
    expect(refused.filter((a) => a.statusCode === 409).length).toBeGreaterThanOrEqual(4);
    const own = (await t.call('GET', '/v1/public/requests', { token })).json().requests;
    expect(own.map((r: { id: string }) => r.id)).toEqual([id]);
  }, 60_000);

  it('files a new one of a kind once the open one is closed', async () => {
    const first = await file('complaint');
    expect(first.statusCode).toBe(201);
    const again = await file('complaint');
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'requests.duplicate_open',
      requestId: first.json().id,
      field: 'kind',
    });
    // Another kind is not a duplicate.
    expect((await file('comment')).statusCode).toBe(201);
    const id = first.json().id as string;
    expect((await t.staffStep(id, 'start')).statusCode).toBe(200);
    expect((await t.staffStep(id, 'fulfil')).statusCode).toBe(200);
    // Fulfilled but not yet told: still open.
    expect((await file('complaint')).statusCode).toBe(409);
    expect((await t.staffStep(id, 'notify')).statusCode).toBe(200);
    expect((await file('complaint')).statusCode).toBe(201);
  });

  it('limits filings per customer with Retry-After, and frees them as the window passes', async () => {
    // Five kinds the customer may file, each once; the sixth filing is over the rate.
    for (const kind of ['complaint', 'comment', 'disclosure', 'deletion', 'amendment'])
      expect((await file(kind)).statusCode).toBe(201);
    const over = await file('addition');
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('requests.rate_limited');
    const retryAfter = Number(over.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    t.ctx.clock.advance(retryAfter * 1000);
    token = await t.verify('hanako@example.jp');
    expect((await file('addition')).statusCode).toBe(201);
  });
});
