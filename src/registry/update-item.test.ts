import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../store/test-engines.ts';
import { addItem } from './add-item.ts';
import { createCustomer } from './create-customer.ts';
import { itemHistory } from './item-history.ts';
import { readCustomer } from './read-customer.ts';
import { buildCustomer, buildItem, buildPrincipal, openRegistryContext } from './test-support.ts';
import { updateItem } from './update-item.ts';

describe.each(ENGINES)('updating items on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openRegistryContext>>;
  beforeEach(async () => {
    ctx = await openRegistryContext(engine);
  });
  afterEach(() => ctx.close());
  const operator = buildPrincipal();

  it('writes a new version and keeps the old one in the history', async () => {
    const { id, itemIds } = await createCustomer(ctx, operator, buildCustomer());
    const emailId = itemIds[1]!;
    const updated = await updateItem(ctx, operator, {
      itemId: emailId,
      update: { value: 'Hanako@Example.JP', channel: 'verbal' },
    });
    expect(updated.supersedes).toBe(emailId);
    const view = await readCustomer(ctx, operator, { customerId: id, purpose: 'PURPOSE.REG.1a' });
    const email = view.items.find((i) => i.category === 'email')!;
    expect(email).toMatchObject({
      id: updated.itemId,
      originId: emailId,
      value: 'hanako@example.jp',
      // The acquisition stays the first version's; the correction's provenance is beside it.
      channel: 'electronic',
      correction: { channel: 'verbal', source: 'direct', at: '2026-01-10T00:00:00.000Z' },
    });
    expect(view.items).toHaveLength(3);

    const history = await itemHistory(ctx, operator, {
      itemId: updated.itemId,
      purpose: 'PURPOSE.REG.1a',
    });
    expect(history.map((h) => [h.value, h.supersededBy])).toEqual([
      ['taro.yamada@example.jp', updated.itemId],
      ['hanako@example.jp', null],
    ]);
    // A correction never widens use: acquired when the first version was, corrected now.
    expect(history[1]?.acquiredAt).toBe(history[0]?.acquiredAt);
    expect(history[1]?.policyVersion).toBe(history[0]?.policyVersion);
    expect(history[0]?.correction).toBeNull();
    const actions = (await ctx.audit.list({ customerId: id, limit: 10 })).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['item.update', 'item.history', 'item.readValue']),
    );
  });

  it('refuses to update a superseded version (no silent overwrite)', async () => {
    const { itemIds } = await createCustomer(ctx, operator, buildCustomer());
    const first = await updateItem(ctx, operator, {
      itemId: itemIds[1]!,
      update: { value: 'a@example.jp' },
    });
    await expect(
      updateItem(ctx, operator, { itemId: itemIds[1]!, update: { value: 'b@example.jp' } }),
    ).rejects.toMatchObject({ code: 'registry.conflict', details: { supersededBy: first.itemId } });
  });

  it('refuses an invalid new value, naming the field, and changes nothing', async () => {
    const { itemIds } = await createCustomer(ctx, operator, buildCustomer());
    await expect(
      updateItem(ctx, operator, { itemId: itemIds[1]!, update: { value: 'not an address' } }),
    ).rejects.toMatchObject({ code: 'registry.invalid_field', details: { field: 'value' } });
    expect(
      await itemHistory(ctx, operator, { itemId: itemIds[1]!, purpose: 'PURPOSE.REG.1a' }),
    ).toHaveLength(1);
  });

  it('adds an item under an existing service, with an indirect source and its provider', async () => {
    const { id } = await createCustomer(
      ctx,
      operator,
      buildCustomer({ services: [{ name: 'ocn-hikari', startedAt: '2021-01-01T00:00:00+09:00' }] }),
    );
    const { itemId } = await addItem(ctx, operator, {
      customerId: id,
      item: buildItem({
        category: 'address',
        value: '東京都千代田区大手町２－３－１',
        source: 'indirect',
        provider: 'docomo',
        service: 'ocn-hikari',
      }),
    });
    const item = (
      await readCustomer(ctx, operator, { customerId: id, purpose: 'PURPOSE.REG.1a' })
    ).items.find((i) => i.id === itemId);
    expect(item).toMatchObject({
      value: '東京都千代田区大手町2-3-1',
      source: 'indirect',
      provider: 'docomo',
    });
    expect(item?.serviceId).not.toBeNull();
  });
});
