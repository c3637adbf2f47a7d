import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../app/app-context.ts';
import { ENGINES } from '../store/test-engines.ts';
import { countAffectedCustomers } from './count-affected-customers.ts';
import { createCustomer } from './create-customer.ts';
import { deleteCustomer } from './delete-customer.ts';
import { buildCustomer, buildItem, buildPrincipal, openRegistryContext } from './test-support.ts';

describe.each(ENGINES)('countAffectedCustomers on $name', (engine) => {
  let ctx: AppContext & { close(): Promise<void> };
  const staff = buildPrincipal();
  beforeEach(async () => {
    ctx = await openRegistryContext(engine);
  });
  afterEach(async () => ctx.close());

  it('counts the customers holding a category acquired in a range, leaving the erased out', async () => {
    const ids: string[] = [];
    for (const acquiredAt of [
      '2024-01-10T09:00:00+09:00',
      '2025-06-01T09:00:00+09:00',
      '2025-07-01T09:00:00+09:00',
    ])
      ids.push(
        (await createCustomer(ctx, staff, buildCustomer({ items: [buildItem({ acquiredAt })] })))
          .id,
      );
    await createCustomer(
      ctx,
      staff,
      buildCustomer({
        items: [buildItem({ category: 'name', value: '山田　花子', channel: 'writing' })],
      }),
    );
    await deleteCustomer(ctx, staff, { customerId: ids[2]! });

    expect(await countAffectedCustomers(ctx, staff, {})).toBe(3);
    expect(await countAffectedCustomers(ctx, staff, { categories: ['email'] })).toBe(2);
    expect(
      await countAffectedCustomers(ctx, staff, {
        categories: ['email'],
        acquiredFrom: '2025-01-01',
        acquiredBefore: '2026-01-01',
      }),
    ).toBe(1);
    expect(await countAffectedCustomers(ctx, staff, { customerIds: [ids[0]!, ids[2]!] })).toBe(1);
    expect(await countAffectedCustomers(ctx, staff, { customerIds: [] })).toBe(0);
  });

  it('refuses a bound that is not a date, naming the field', async () => {
    await expect(
      countAffectedCustomers(ctx, staff, { acquiredFrom: 'last spring' }),
    ).rejects.toMatchObject({ details: expect.objectContaining({ field: 'acquiredFrom' }) });
  });
});
