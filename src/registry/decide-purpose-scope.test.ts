import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../http/build-app.ts';
import { createApiToken } from '../security/tokens/create-api-token.ts';
import { ENGINES } from '../store/test-engines.ts';
import { createCustomer } from './create-customer.ts';
import { decideForCustomer } from './decide-for-customer.ts';
import { decideForCustomers } from './decide-for-customers.ts';
import { buildCustomer, buildPrincipal, openRegistryContext } from './test-support.ts';

const AT = '2026-01-10T09:00:00+09:00';

describe.each(ENGINES)('the purposes of a principal’s scope on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openRegistryContext>>;
  let ids: { customerId: string; itemId: string };
  beforeEach(async () => {
    ctx = await openRegistryContext(engine);
    const created = await createCustomer(ctx, buildPrincipal(), buildCustomer());
    ids = { customerId: created.id, itemId: created.itemIds[0]! };
  });
  afterEach(() => ctx.close());
  const crm = buildPrincipal({
    id: 'token-crm',
    kind: 'token',
    role: 'system',
    scope: { categories: 'all', purposes: new Set(['PURPOSE.REG.1b']) },
  });

  it('decides for purposes in scope and refuses others in their place, audited as refused', async () => {
    const [inScope, outOfScope, unknownCustomer] = await decideForCustomers(ctx, crm, [
      { ...ids, purpose: 'PURPOSE.REG.1b', at: AT },
      { ...ids, purpose: 'PURPOSE.REG.7', at: AT },
      { customerId: 'cus-none', itemId: 'item-none', purpose: 'PURPOSE.REG.7', at: AT },
    ]);
    expect(inScope).toMatchObject({ decision: 'permit' });
    expect(outOfScope).toEqual({
      error: {
        code: 'decide.out_of_scope',
        message: expect.stringContaining('PURPOSE.REG.7'),
        path: 'purpose',
      },
    });
    // Refused before anything is looked up: it tells nothing of whether the customer exists.
    expect(unknownCustomer).toMatchObject({ error: { code: 'decide.out_of_scope' } });
    const audit = await ctx.audit.list({ customerId: ids.customerId, limit: 10 });
    expect(audit.filter((e) => e.action.startsWith('decision')).map((e) => e.action)).toEqual([
      'decision.refused',
      'decision',
    ]);
    expect(audit[0]).toMatchObject({
      actor: 'token-crm',
      action: 'decision.refused',
      itemIds: [ids.itemId],
      detail: { purpose: 'PURPOSE.REG.7', reason: 'decide.out_of_scope' },
    });
    await expect(
      decideForCustomer(ctx, crm, { ...ids, purpose: 'PURPOSE.REG.7', at: AT }),
    ).rejects.toMatchObject({ code: 'decide.out_of_scope' });
    // 'all' still means every purpose.
    await expect(
      decideForCustomer(ctx, buildPrincipal(), { ...ids, purpose: 'PURPOSE.REG.7', at: AT }),
    ).resolves.toMatchObject({ decision: expect.any(String) });
  });

  it('answers POST /v1/decide with the refusal in place for a token scoped to other purposes', async () => {
    const app = await buildApp({ policy: ctx.policy, context: ctx, logLevel: false });
    try {
      const { secret } = await createApiToken(
        ctx,
        { label: 'crm', role: 'system', purposes: ['PURPOSE.REG.1b'] },
        'test',
      );
      const headers = { authorization: `Bearer ${secret}` };
      const batch = await app.inject({
        method: 'POST',
        url: '/v1/decide',
        headers,
        payload: [
          { ...ids, purpose: 'PURPOSE.REG.1b', at: AT },
          { ...ids, purpose: 'PURPOSE.REG.7', at: AT },
        ],
      });
      expect(batch.statusCode).toBe(200);
      const [first, second] = batch.json() as { decision?: string; error?: { code: string } }[];
      expect(first?.decision).toBe('permit');
      expect(second?.error?.code).toBe('decide.out_of_scope');
      const one = await app.inject({
        method: 'POST',
        url: '/v1/decide',
        headers,
        payload: { ...ids, purpose: 'PURPOSE.REG.7', at: AT },
      });
      expect([one.statusCode, one.json().error.code]).toEqual([403, 'decide.out_of_scope']);
    } finally {
      await app.close();
    }
  });
});
