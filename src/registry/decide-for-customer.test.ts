import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../store/test-engines.ts';
import { addItem } from './add-item.ts';
import { createCustomer } from './create-customer.ts';
import { decideForCustomer } from './decide-for-customer.ts';
import { decideForCustomers } from './decide-for-customers.ts';
import { deleteCustomer } from './delete-customer.ts';
import { recordConsent } from './record-consent.ts';
import { recordOptOut } from './record-opt-out.ts';
import { recordSuspension } from './record-suspension.ts';
import { buildCustomer, buildItem, buildPrincipal, openRegistryContext } from './test-support.ts';

const AT = '2026-01-10T09:00:00+09:00';
const TRANSFERRED = 'docomo-transfer-2022-07-01';

describe.each(ENGINES)('decideForCustomer on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openRegistryContext>>;
  beforeEach(async () => {
    ctx = await openRegistryContext(engine);
  });
  afterEach(() => ctx.close());
  const operator = buildPrincipal();
  const system = buildPrincipal({ id: 'token-crm', kind: 'token', role: 'system' });

  /** A customer with one e-mail item obtained under a service of the given origin. */
  async function customerWith(origin: string | undefined, acquiredAt: string, category = 'email') {
    const created = await createCustomer(
      ctx,
      operator,
      buildCustomer({
        services: [
          {
            name: 'ocn-mobile',
            startedAt: '2019-04-01T00:00:00+09:00',
            ...(origin ? { origin } : {}),
          },
        ],
        items: [
          buildItem({
            category,
            value: category === 'email' ? 'taro@example.jp' : 'x',
            acquiredAt,
            service: 'ocn-mobile',
          }),
        ],
      }),
    );
    return { customerId: created.id, itemId: created.itemIds[0]! };
  }

  it('denies other companies’ ads (REG.7) for a service not transferred from NTT DOCOMO', async () => {
    const ids = await customerWith(undefined, '2023-05-01T10:00:00+09:00');
    const result = await decideForCustomer(ctx, system, {
      ...ids,
      purpose: 'PURPOSE.REG.7',
      at: AT,
    });
    expect(result.decision).toBe('deny');
    expect(result.clauses[0]).toBe('SP.2022.TRANSITIONAL');
  });

  it('permits REG.7 for a transferred service and an item acquired on or after 2022-07-01 (Japan time)', async () => {
    const ids = await customerWith(TRANSFERRED, '2022-07-01T00:30:00+09:00');
    const result = await decideForCustomer(ctx, system, {
      ...ids,
      purpose: 'PURPOSE.REG.7',
      at: AT,
    });
    expect(result).toMatchObject({ decision: 'permit', policyVersion: '2025-02-03' });
    expect(result.clauses).toContain('PURPOSE.REG.7');
    const before = await customerWith(TRANSFERRED, '2022-06-30T23:59:00+09:00');
    expect(
      (await decideForCustomer(ctx, system, { ...before, purpose: 'PURPOSE.REG.7', at: AT }))
        .decision,
    ).toBe('deny');
  });

  it('honours a suspension of use while it is in force, and audits each decision with its clauses', async () => {
    const ids = await customerWith(undefined, '2023-05-01T10:00:00+09:00');
    const ask = (at: string) =>
      decideForCustomer(ctx, system, { ...ids, purpose: 'PURPOSE.REG.5', at });
    expect((await ask(AT)).decision).toBe('permit');
    await recordSuspension(ctx, operator, {
      customerId: ids.customerId,
      suspension: {
        kind: 'use',
        purposes: ['PURPOSE.REG.5'],
        from: '2025-03-01T00:00:00+09:00',
        until: '2026-03-01T00:00:00+09:00',
      },
    });
    const suspended = await ask(AT);
    expect(suspended.decision).toBe('deny');
    expect(suspended.clauses).toContain('REQUEST.SUSPEND_USE');
    expect((await ask('2026-03-02T00:00:00+09:00')).decision).toBe('permit');
    expect((await ask('2025-02-28T00:00:00+09:00')).decision).toBe('permit');

    const decisions = (await ctx.audit.list({ customerId: ids.customerId, limit: 20 }))
      .filter((e) => e.action === 'decision')
      .reverse();
    expect(decisions.map((d) => d.decision)).toEqual(['permit', 'deny', 'permit', 'permit']);
    expect(decisions[1]).toMatchObject({
      actor: 'token-crm',
      itemIds: [ids.itemId],
      clauses: suspended.clauses,
    });
  });

  it('honours an ad-platform opt-out until it is withdrawn (ADS.OPT_OUT)', async () => {
    const ids = await customerWith(undefined, '2023-05-01T10:00:00+09:00');
    const ask = () =>
      decideForCustomer(ctx, system, {
        ...ids,
        purpose: 'PURPOSE.REG.5',
        at: AT,
        recipient: { kind: 'adPlatform', id: 'google' },
      });
    expect((await ask()).decision).toBe('permit');
    await recordOptOut(ctx, operator, {
      customerId: ids.customerId,
      optOut: { at: '2025-12-01T00:00:00+09:00' },
    });
    const denied = await ask();
    expect(denied.decision).toBe('deny');
    expect(denied.clauses).toContain('ADS.OPT_OUT');
    await recordOptOut(ctx, operator, {
      customerId: ids.customerId,
      optOut: { at: '2026-01-05T00:00:00+09:00', withdraw: true },
    });
    expect((await ask()).decision).toBe('permit');
  });

  it('uses sensitive information only with a consent on record (OBTAIN.SENSITIVE)', async () => {
    // OBTAIN.SENSITIVE at acquisition: a consent on record first (to another purpose), then the item.
    const { customerId } = await customerWith(undefined, '2023-05-01T10:00:00+09:00');
    await recordConsent(ctx, operator, {
      customerId,
      consent: { purpose: 'PURPOSE.REG.2a', at: '2023-04-01T00:00:00+09:00' },
    });
    const { itemId } = await addItem(ctx, operator, {
      customerId,
      item: buildItem({
        category: 'sensitive',
        value: 'x',
        acquiredAt: '2023-05-01T10:00:00+09:00',
      }),
    });
    const ids = { customerId, itemId };
    const ask = () => decideForCustomer(ctx, system, { ...ids, purpose: 'PURPOSE.REG.3', at: AT });
    expect((await ask()).clauses).toContain('OBTAIN.SENSITIVE');
    await recordConsent(ctx, operator, {
      customerId: ids.customerId,
      consent: { purpose: 'PURPOSE.REG.3', at: '2025-01-01T00:00:00+09:00' },
    });
    expect((await ask()).decision).toBe('permit');
    await expect(
      recordConsent(ctx, operator, {
        customerId: ids.customerId,
        consent: { purpose: 'PURPOSE.NOPE', at: AT },
      }),
    ).rejects.toMatchObject({ code: 'registry.invalid_field', details: { field: 'purpose' } });
  });

  it('denies a use of an erased customer citing REQUEST.DELETION; not found for another customer’s item', async () => {
    const a = await customerWith(undefined, '2023-05-01T10:00:00+09:00');
    const b = await customerWith(undefined, '2023-05-01T10:00:00+09:00');
    await expect(
      decideForCustomer(ctx, system, {
        customerId: a.customerId,
        itemId: b.itemId,
        purpose: 'PURPOSE.REG.1b',
      }),
    ).rejects.toMatchObject({ code: 'registry.not_found', details: { field: 'itemId' } });
    await deleteCustomer(ctx, operator, { customerId: a.customerId });
    // Erased: denied citing the deletion, not answered as an ID never issued.
    await expect(
      decideForCustomer(ctx, system, { ...a, purpose: 'PURPOSE.REG.1b' }),
    ).resolves.toMatchObject({ decision: 'deny', clauses: ['REQUEST.DELETION'] });
    await expect(
      decideForCustomer(ctx, system, { ...a, customerId: 'no-such-id', purpose: 'PURPOSE.REG.1b' }),
    ).rejects.toMatchObject({ code: 'registry.not_found', details: { field: 'customerId' } });
    const [entry] = await ctx.audit.list({ customerId: a.customerId, limit: 1 });
    expect(entry).toMatchObject({
      action: 'decision',
      decision: 'deny',
      clauses: ['REQUEST.DELETION'],
    });
    await expect(
      decideForCustomer(ctx, buildPrincipal({ role: 'auditor' }), {
        ...b,
        purpose: 'PURPOSE.REG.1b',
      }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
  });

  it('reads the facts of a whole batch in a fixed number of queries', async () => {
    const all: { customerId: string; itemId: string }[] = [];
    for (let i = 0; i < 8; i++)
      all.push(await customerWith(i % 2 ? TRANSFERRED : undefined, '2023-05-01T10:00:00+09:00'));
    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const counted = { ...ctx, store: { ...ctx.store, db: ctx.store.db.withPlugin(counter) } };
    const ask = (n: number) =>
      decideForCustomers(
        counted,
        system,
        all
          .slice(0, n)
          .flatMap((ids) =>
            ['PURPOSE.REG.7', 'PURPOSE.REG.1b'].map((purpose) => ({ ...ids, purpose, at: AT })),
          ),
      );
    const one = await ask(1);
    const forOne = queries;
    expect(forOne).toBeGreaterThan(0);
    queries = 0;
    const eight = await ask(8);
    expect(queries).toBe(forOne);
    expect(one).toHaveLength(2);
    expect(eight.map((o) => ('decision' in o ? o.decision : 'error'))).toEqual(
      all.flatMap((_, i) => [i % 2 ? 'permit' : 'deny', 'permit']),
    );
  });
});
