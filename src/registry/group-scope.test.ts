import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../store/test-engines.ts';
import { createCustomer } from './create-customer.ts';
import { decideForCustomer } from './decide-for-customer.ts';
import { decideForCustomers } from './decide-for-customers.ts';
import { itemHistory } from './item-history.ts';
import { listCustomers } from './list-customers.ts';
import { readCustomer } from './read-customer.ts';
import { recordConsent } from './record-consent.ts';
import { buildCustomer, buildPrincipal, openRegistryContext } from './test-support.ts';

async function codeOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => 'resolved',
    (e: { code?: string }) => e.code,
  );
}

describe.each(ENGINES)('customer-set scopes (SECURITY.6) on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openRegistryContext>>;
  beforeEach(async () => {
    ctx = await openRegistryContext(engine);
  });
  afterEach(() => ctx.close());
  const operator = buildPrincipal();
  const othOnly = buildPrincipal({
    id: 'u-oth',
    scope: { categories: 'all', purposes: 'all', groups: new Set(['OTH']) },
  });
  const none = buildPrincipal({
    id: 'u-none',
    scope: { categories: 'all', purposes: 'all', groups: new Set() },
  });

  it('a customer outside the groups is not found by any read, look-up, list or decision', async () => {
    const reg = await createCustomer(ctx, operator, buildCustomer());
    const oth = await createCustomer(ctx, operator, buildCustomer({ group: 'OTH' }));
    for (const input of [
      { customerId: reg.id, values: false },
      { customerId: reg.id, purpose: 'PURPOSE.REG.1a' },
    ])
      expect(await codeOf(readCustomer(ctx, othOnly, input))).toBe('registry.not_found');
    expect(
      await codeOf(itemHistory(ctx, othOnly, { itemId: reg.itemIds[0]!, values: false })),
    ).toBe('registry.not_found');
    expect(
      await codeOf(
        decideForCustomer(ctx, othOnly, {
          customerId: reg.id,
          itemId: reg.itemIds[0]!,
          purpose: 'PURPOSE.REG.1a',
        }),
      ),
    ).toBe('registry.not_found');
    expect(
      await codeOf(
        recordConsent(ctx, othOnly, {
          customerId: reg.id,
          consent: { purpose: 'PURPOSE.REG.5', at: '2025-01-01T00:00:00+09:00' },
        }),
      ),
    ).toBe('registry.not_found');
    // The same answer as for a customer that does not exist: nothing tells the two apart.
    expect(await codeOf(readCustomer(ctx, othOnly, { customerId: 'nope', values: false }))).toBe(
      'registry.not_found',
    );

    expect((await listCustomers(ctx, othOnly, {})).customers.map((c) => c.id)).toEqual([oth.id]);
    expect((await listCustomers(ctx, none, {})).customers).toEqual([]);
    expect(
      (await listCustomers(ctx, othOnly, { email: 'taro.yamada@example.jp' })).customers.map(
        (c) => c.id,
      ),
    ).toEqual([oth.id]);
    expect(
      (await listCustomers(ctx, operator, { email: 'taro.yamada@example.jp' })).customers.length,
    ).toBe(2);

    const [outside, inside] = await decideForCustomers(ctx, othOnly, [
      { customerId: reg.id, itemId: reg.itemIds[0]!, purpose: 'PURPOSE.OTH.2' },
      { customerId: oth.id, itemId: oth.itemIds[0]!, purpose: 'PURPOSE.OTH.2' },
    ]);
    expect(outside).toMatchObject({ error: { code: 'registry.not_found' } });
    expect(inside).toMatchObject({ decision: 'permit' });
    const view = await readCustomer(ctx, othOnly, { customerId: oth.id, purpose: 'PURPOSE.OTH.2' });
    expect(view.items.every((i) => i.value !== undefined)).toBe(true);
  });
});
