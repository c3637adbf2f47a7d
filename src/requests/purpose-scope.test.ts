import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPrincipal } from '../registry/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { answerFamilyCall } from './answer-family-call.ts';
import { fulfilDisclosure } from './fulfil-disclosure.ts';
import { buildRequest } from './test-support.ts';
import { openWebTestApp } from './web-test-support.ts';

describe.each(ENGINES)('requests and the purposes of a principal’s scope on $name', (engine) => {
  let t: Awaited<ReturnType<typeof openWebTestApp>>;
  let customerId: string;
  beforeEach(async () => {
    t = await openWebTestApp(engine);
    customerId = await t.createWebCustomer('taro@example.jp');
  });
  afterEach(() => t.close());
  const narrow = buildPrincipal({
    role: 'privacyOfficer',
    scope: { categories: 'all', purposes: new Set(['PURPOSE.REG.1b']) },
  });

  it('refuses a disclosure that would leave out purposes outside the scope', async () => {
    const request = buildRequest({ customerId });
    await expect(fulfilDisclosure(t.ctx, narrow, request)).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    const full = await fulfilDisclosure(t.ctx, buildPrincipal({ role: 'privacyOfficer' }), request);
    expect(full.package.items.some((i) => i.purposes.length > 0)).toBe(true);
  });

  it('refuses to answer a family caller without the purpose it is told under, recording nothing', async () => {
    await expect(
      answerFamilyCall(t.ctx, narrow, {
        customerId,
        relation: 'spouse',
        callerName: '山田　花子',
        statedName: '山田太郎',
        statedAddress: '東京都千代田区大手町１－１－１',
      }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    const audit = await t.ctx.audit.list({ customerId, limit: 20 });
    expect(audit.some((e) => e.action.startsWith('family.'))).toBe(false);
  });
});
