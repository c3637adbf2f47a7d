import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../store/test-engines.ts';
import { createCustomer } from './create-customer.ts';
import { itemHistory } from './item-history.ts';
import { linkFamily } from './link-family.ts';
import { readCustomer } from './read-customer.ts';
import { recordSuspension } from './record-suspension.ts';
import { updateItem } from './update-item.ts';
import { buildCustomer, buildItem, buildPrincipal, openRegistryContext } from './test-support.ts';

const SUPPORT = 'PURPOSE.REG.1a';
const PROMOTION = 'PURPOSE.REG.2a';

async function codeOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => 'resolved',
    (e: { code?: string; details?: unknown }) => ({ code: e.code, details: e.details }),
  );
}

describe.each(ENGINES)('purpose-bound reads of values on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openRegistryContext>>;
  beforeEach(async () => {
    ctx = await openRegistryContext(engine);
  });
  afterEach(() => ctx.close());
  const operator = buildPrincipal();

  it('refuses a read of values without a purpose, naming the field; none is needed without values', async () => {
    const { id, itemIds } = await createCustomer(ctx, operator, buildCustomer());
    expect(await codeOf(readCustomer(ctx, operator, { customerId: id }))).toEqual({
      code: 'registry.purpose_required',
      details: { field: 'purpose' },
    });
    expect(await codeOf(itemHistory(ctx, operator, { itemId: itemIds[0]! }))).toMatchObject({
      code: 'registry.purpose_required',
    });
    const bare = await readCustomer(ctx, operator, { customerId: id, values: false });
    expect(bare.items.every((i) => i.valueWithheld === true)).toBe(true);
    // An auditor reads no values at all, so names no purpose either.
    const auditor = buildPrincipal({ id: 'u-auditor', role: 'auditor' });
    expect((await readCustomer(ctx, auditor, { customerId: id })).items).toHaveLength(3);
  });

  it('reads for a permitted purpose, and the audit entry records the purpose and the decisions', async () => {
    const { id, itemIds } = await createCustomer(ctx, operator, buildCustomer());
    const view = await readCustomer(ctx, operator, { customerId: id, purpose: SUPPORT });
    expect(view.items.map((i) => i.value).sort()).toEqual(
      ['+819012345678', 'taro.yamada@example.jp', '山田 太郎'].sort(),
    );
    const entries = await ctx.audit.list({ customerId: id, limit: 20 });
    const read = entries.find((e) => e.action === 'item.readValue');
    expect(read).toMatchObject({ detail: { purpose: SUPPORT } });
    expect([...(read?.itemIds ?? [])].sort()).toEqual([...itemIds].sort());
    const decisions = entries.filter((e) => e.action === 'decision');
    expect(decisions).toHaveLength(3);
    expect(decisions.every((d) => d.decision === 'permit')).toBe(true);
  });

  it('refuses a read for a suspended purpose citing REQUEST.SUSPEND_USE, and keeps the denials audited', async () => {
    const { id, itemIds } = await createCustomer(ctx, operator, buildCustomer());
    await recordSuspension(ctx, operator, {
      customerId: id,
      suspension: { kind: 'use', purposes: [PROMOTION], from: '2025-01-01T00:00:00+09:00' },
    });
    const refused = (await codeOf(
      readCustomer(ctx, operator, { customerId: id, purpose: PROMOTION }),
    )) as { code: string; details: { clauses: string[]; field: string } };
    expect(refused.code).toBe('registry.read_denied');
    expect(refused.details.field).toBe('purpose');
    expect(refused.details.clauses).toContain('REQUEST.SUSPEND_USE');
    expect(
      await codeOf(itemHistory(ctx, operator, { itemId: itemIds[1]!, purpose: PROMOTION })),
    ).toMatchObject({ code: 'registry.read_denied' });

    const entries = await ctx.audit.list({ customerId: id, limit: 30 });
    expect(entries.some((e) => e.action === 'item.readValue')).toBe(false);
    const denials = entries.filter((e) => e.action === 'decision' && e.decision === 'deny');
    expect(denials).toHaveLength(4);
    expect(denials.every((d) => d.clauses?.includes('REQUEST.SUSPEND_USE'))).toBe(true);
    // The purpose the customer did not suspend is still served.
    const ok = await readCustomer(ctx, operator, { customerId: id, purpose: SUPPORT });
    expect(ok.items.every((i) => i.value !== undefined)).toBe(true);
  });

  it('refuses a purpose the customer was never notified of, and one outside the scope', async () => {
    const { id } = await createCustomer(ctx, operator, buildCustomer());
    const other = (await codeOf(
      readCustomer(ctx, operator, { customerId: id, purpose: 'PURPOSE.OTH.1' }),
    )) as { code: string; details: { clauses: string[] } };
    expect(other.code).toBe('registry.read_denied');
    expect(other.details.clauses.length).toBeGreaterThan(0);
    const narrow = buildPrincipal({
      id: 'u-narrow',
      scope: { categories: 'all', purposes: new Set([SUPPORT]) },
    });
    expect(
      await codeOf(readCustomer(ctx, narrow, { customerId: id, purpose: PROMOTION })),
    ).toMatchObject({ code: 'decide.out_of_scope' });
    expect(
      (await readCustomer(ctx, narrow, { customerId: id, purpose: SUPPORT })).items.every(
        (i) => i.value !== undefined,
      ),
    ).toBe(true);
  });

  it('shows line numbers and family names when the purpose was permitted for the customer', async () => {
    const { id } = await createCustomer(
      ctx,
      operator,
      buildCustomer({
        items: [buildItem({ category: 'name', value: '山田 花子', channel: 'writing' })],
        subscriberLines: [{ number: '090-1111-2222' }],
      }),
    );
    await linkFamily(ctx, operator, {
      customerId: id,
      link: { relation: 'spouse', name: '山田 太郎' },
    });
    const view = await readCustomer(ctx, operator, { customerId: id, purpose: SUPPORT });
    expect(view.items[0]?.value).toBe('山田 花子');
    expect(view.familyLinks[0]?.name).toBe('山田 太郎');
    // No phone item was denied: the line follows the purpose permitted for the customer.
    expect(view.subscriberLines[0]).toMatchObject({ number: '+819011112222' });
  });

  it('withholds an item the purpose is denied for, with the clauses, and reads the others', async () => {
    const { id } = await createCustomer(
      ctx,
      operator,
      buildCustomer({
        items: [
          buildItem({ category: 'name', value: '山田 花子', channel: 'writing' }),
          buildItem({ category: 'myNumber', value: '123456789018', channel: 'writing' }),
        ],
      }),
    );
    const view = await readCustomer(ctx, operator, { customerId: id, purpose: SUPPORT });
    const byCategory = Object.fromEntries(view.items.map((i) => [i.category, i]));
    expect(byCategory.name).toMatchObject({ value: '山田 花子' });
    expect(byCategory.name).not.toHaveProperty('deniedBy');
    expect(byCategory.myNumber).toMatchObject({ valueWithheld: true });
    expect(byCategory.myNumber?.deniedBy).toContain('PURPOSE.MY_NUMBER');
    const read = (await ctx.audit.list({ customerId: id, limit: 10 })).find(
      (e) => e.action === 'item.readValue',
    );
    expect(read?.itemIds).toEqual([byCategory.name?.id]);
  });

  it('a read for the customer’s own request rests on its basis, not on a suspendable use', async () => {
    const { id } = await createCustomer(ctx, operator, buildCustomer());
    await recordSuspension(ctx, operator, {
      customerId: id,
      suspension: { kind: 'use', from: '2025-01-01T00:00:00+09:00' },
    });
    const view = await readCustomer(ctx, operator, {
      customerId: id,
      basis: { clause: 'REQUEST.DISCLOSURE', requestId: 'req-1' },
    });
    expect(view.items.every((i) => i.value !== undefined)).toBe(true);
    const read = (await ctx.audit.list({ customerId: id, limit: 10 })).find(
      (e) => e.action === 'item.readValue',
    );
    expect(read?.detail).toEqual({ basis: 'REQUEST.DISCLOSURE', requestId: 'req-1' });
  });

  it('reads an item’s history for the purpose decided on its current version', async () => {
    const { itemIds } = await createCustomer(ctx, operator, buildCustomer());
    const updated = await updateItem(ctx, operator, {
      itemId: itemIds[1]!,
      update: { value: 'taro@example.jp', channel: 'electronic', source: 'direct' },
    });
    const history = await itemHistory(ctx, operator, { itemId: itemIds[1]!, purpose: SUPPORT });
    expect(history.map((v) => v.value)).toEqual(['taro.yamada@example.jp', 'taro@example.jp']);
    expect(history[1]?.id).toBe(updated.itemId);
  });
});
