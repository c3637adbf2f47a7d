import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../store/test-engines.ts';
import { createCustomer } from './create-customer.ts';
import { readCustomer } from './read-customer.ts';
import { registryDb } from './registry-tables.ts';
import { buildCustomer, buildItem, buildPrincipal, openRegistryContext } from './test-support.ts';

describe.each(ENGINES)('createCustomer on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openRegistryContext>>;
  beforeEach(async () => {
    ctx = await openRegistryContext(engine);
  });
  afterEach(() => ctx.close());
  const operator = buildPrincipal();

  it('round-trips normalized values, and stores no plaintext', async () => {
    const created = await createCustomer(ctx, operator, buildCustomer({ externalId: 'B-1' }));
    expect(created.itemIds).toHaveLength(3);
    const view = await readCustomer(ctx, operator, { customerId: created.id });
    expect(view.items.map((i) => [i.category, i.value])).toEqual(
      expect.arrayContaining([
        ['name', '山田 太郎'],
        ['email', 'taro.yamada@example.jp'],
        ['phone', '+819012345678'],
      ]),
    );
    expect(view.items.every((i) => i.policyVersion === '2023-07-01' || i.policyVersion !== null)).toBe(true);
    const rows = await registryDb(ctx.store.db).selectFrom('items').select(['value', 'value_index']).execute();
    for (const row of rows) {
      const bytes = Buffer.from(row.value);
      expect(bytes.includes(Buffer.from('taro.yamada@example.jp'))).toBe(false);
      expect(bytes.includes(Buffer.from('山田'))).toBe(false);
      expect(bytes.includes(Buffer.from('+819012345678'))).toBe(false);
    }
    const dump = await sql<{ v: string }>`select count(*) as v from items`.execute(ctx.store.db);
    expect(Number(dump.rows[0]!.v)).toBe(3);
  });

  it('refuses the whole customer when one field is invalid, naming the field', async () => {
    const input = buildCustomer({
      items: [buildItem(), buildItem({ category: 'phone', value: '12' })],
    });
    await expect(createCustomer(ctx, operator, input)).rejects.toMatchObject({
      code: 'registry.invalid_field',
      details: { field: 'items[1].value' },
    });
    const count = await registryDb(ctx.store.db).selectFrom('customers').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});
