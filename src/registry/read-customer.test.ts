import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../store/test-engines.ts';
import { createCustomer } from './create-customer.ts';
import { deleteCustomer } from './delete-customer.ts';
import { linkFamily } from './link-family.ts';
import { listCustomers } from './list-customers.ts';
import { readCustomer } from './read-customer.ts';
import { registryDb } from './registry-tables.ts';
import { buildCustomer, buildItem, buildPrincipal, openRegistryContext } from './test-support.ts';

describe.each(ENGINES)('reading customers on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openRegistryContext>>;
  beforeEach(async () => {
    ctx = await openRegistryContext(engine);
  });
  afterEach(() => ctx.close());
  const operator = buildPrincipal();

  it('withholds values outside the scope but still lists the items', async () => {
    const { id } = await createCustomer(
      ctx,
      operator,
      buildCustomer({ subscriberLines: [{ number: '090-1111-2222' }] }),
    );
    const { id: linkId } = await linkFamily(ctx, operator, {
      customerId: id,
      link: { relation: 'spouse', name: '山田 花子' },
    });
    const narrow = buildPrincipal({
      id: 'u-narrow',
      scope: { categories: new Set(['email']), purposes: 'all' },
    });
    const view = await readCustomer(ctx, narrow, { customerId: id, purpose: 'PURPOSE.REG.1a' });
    expect(view.items).toHaveLength(3);
    const byCategory = Object.fromEntries(view.items.map((i) => [i.category, i]));
    expect(byCategory.email).toMatchObject({ value: 'taro.yamada@example.jp' });
    expect(byCategory.name).toMatchObject({ valueWithheld: true });
    expect(byCategory.name).not.toHaveProperty('value');
    expect(byCategory.phone).not.toHaveProperty('value');
    expect(view.subscriberLines[0]).toMatchObject({ numberWithheld: true });
    expect(view.familyLinks[0]).toMatchObject({
      id: linkId,
      relation: 'spouse',
      nameWithheld: true,
    });

    const auditor = buildPrincipal({ id: 'u-auditor', role: 'auditor' });
    const noValues = await readCustomer(ctx, auditor, { customerId: id });
    expect(noValues.items.every((i) => i.valueWithheld === true && i.value === undefined)).toBe(
      true,
    );
    expect(
      (await readCustomer(ctx, operator, { customerId: id, purpose: 'PURPOSE.REG.1a' }))
        .familyLinks[0]?.name,
    ).toBe('山田 花子');
  });

  it('audits every read, and each value read, in the same transaction', async () => {
    const { id, itemIds } = await createCustomer(ctx, operator, buildCustomer());
    const narrow = buildPrincipal({
      id: 'u-narrow',
      scope: { categories: new Set(['email']), purposes: 'all' },
    });
    await readCustomer(ctx, narrow, { customerId: id, purpose: 'PURPOSE.REG.1a' });
    await readCustomer(ctx, narrow, { customerId: id, values: false });
    const entries = (await ctx.audit.list({ customerId: id, limit: 10 })).reverse();
    expect(entries.map((e) => [e.actor, e.action])).toEqual([
      ['user-operator', 'customer.create'],
      ['u-narrow', 'decision'],
      ['u-narrow', 'customer.read'],
      ['u-narrow', 'item.readValue'],
      ['u-narrow', 'customer.read'],
    ]);
    // Only the item in scope is decided for the purpose, and the read records the purpose.
    expect(entries[1]).toMatchObject({ itemIds: [itemIds[1]], decision: 'permit' });
    expect(entries[2]?.itemIds).toEqual([...itemIds].sort());
    expect(entries[3]).toMatchObject({
      itemIds: [itemIds[1]],
      detail: { purpose: 'PURPOSE.REG.1a' },
    });
    expect(JSON.stringify(entries)).not.toContain('example.jp');
    expect((await ctx.audit.verify()).ok).toBe(true);
  });

  it('hides a deleted customer everywhere, and its values are shredded', async () => {
    const { id } = await createCustomer(ctx, operator, buildCustomer());
    const other = await createCustomer(ctx, operator, buildCustomer());
    await deleteCustomer(ctx, operator, { customerId: id });
    await expect(
      readCustomer(ctx, operator, { customerId: id, purpose: 'PURPOSE.REG.1a' }),
    ).rejects.toMatchObject({
      code: 'registry.not_found',
    });
    const page = await listCustomers(ctx, operator, {});
    expect(page.customers.map((c) => c.id)).toEqual([other.id]);
    await expect(ctx.keys.ciphersFor(ctx.store.db, [id])).rejects.toMatchObject({
      code: 'keys.shredded',
    });
  });

  it('leaves no blind index or external ID of an erased customer, yet knows the number is taken', async () => {
    const { id } = await createCustomer(
      ctx,
      operator,
      buildCustomer({ externalId: 'BILL-000123', subscriberLines: [{ number: '090-1234-5678' }] }),
    );
    await deleteCustomer(ctx, operator, { customerId: id });
    const db = registryDb(ctx.store.db);
    const items = await db
      .selectFrom('items')
      .select('value_index')
      .where('customer_id', '=', id)
      .execute();
    expect(items.every((i) => i.value_index === null)).toBe(true);
    const lookup = ctx.keys.blindIndex('phone', '+819012345678');
    const lines = await db
      .selectFrom('subscriber_lines')
      .select('number_index')
      .where('customer_id', '=', id)
      .execute();
    expect(lines).toHaveLength(1);
    expect(Buffer.from(lines[0]!.number_index).equals(lookup)).toBe(false);
    const row = await db
      .selectFrom('customers')
      .select('external_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.external_id).toMatch(/^erased:[0-9a-f]{64}$/);
    // Registering the same number again is refused, as it was before the erasure.
    await expect(
      createCustomer(ctx, operator, buildCustomer({ externalId: 'BILL-000123' })),
    ).rejects.toMatchObject({ code: 'registry.conflict' });
    expect(
      (await listCustomers(ctx, operator, { phone: '09012345678', lines: true })).customers,
    ).toEqual([]);
  });

  it('pages through customers without values', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await createCustomer(ctx, operator, buildCustomer({ externalId: `E-${i}` }))).id);
    const first = await listCustomers(ctx, operator, { limit: 2 });
    const second = await listCustomers(ctx, operator, { limit: 2, cursor: first.nextCursor! });
    const third = await listCustomers(ctx, operator, { limit: 2, cursor: second.nextCursor! });
    expect([...first.customers, ...second.customers, ...third.customers].map((c) => c.id)).toEqual(
      [...ids].sort(),
    );
    expect(third.nextCursor).toBeNull();
    expect(JSON.stringify(first)).not.toContain('example.jp');
  });

  it('finds a customer by e-mail or phone through the blind index, whatever the spelling', async () => {
    const { id } = await createCustomer(ctx, operator, buildCustomer({ externalId: 'FIND-1' }));
    await createCustomer(
      ctx,
      operator,
      buildCustomer({
        externalId: 'FIND-2',
        items: [buildItem({ category: 'phone', value: '03-1234-5678', channel: 'verbal' })],
      }),
    );
    const byPhone = await listCustomers(ctx, operator, { phone: '+81 90 1234 5678' });
    expect(byPhone.customers.map((c) => c.id)).toEqual([id]);
    const email = (buildItem().value as string).toUpperCase();
    const byEmail = await listCustomers(ctx, operator, { email: `  ${email} ` });
    expect(byEmail.customers.map((c) => c.id)).toEqual([id]);
    expect((await listCustomers(ctx, operator, { email: 'nobody@example.com' })).customers).toEqual(
      [],
    );
    // A subscriber line's number finds its holder only when lines are asked for.
    const { id: lineHolder } = await createCustomer(
      ctx,
      operator,
      buildCustomer({ externalId: 'FIND-3', subscriberLines: [{ number: '050-9999-0000' }] }),
    );
    expect((await listCustomers(ctx, operator, { phone: '05099990000' })).customers).toEqual([]);
    const byLine = await listCustomers(ctx, operator, { phone: '05099990000', lines: true });
    expect(byLine.customers.map((c) => c.id)).toEqual([lineHolder]);
  });
});
