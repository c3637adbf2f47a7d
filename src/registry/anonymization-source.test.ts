import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../store/test-engines.ts';
import { anonymizationSource } from './anonymization-source.ts';
import { createCustomer } from './create-customer.ts';
import { deleteCustomer } from './delete-customer.ts';
import { recordOptOut } from './record-opt-out.ts';
import { recordSuspension } from './record-suspension.ts';
import { buildItem, buildPrincipal, openRegistryContext } from './test-support.ts';

describe.each(ENGINES)('anonymizationSource on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openRegistryContext>>;
  beforeEach(async () => {
    ctx = await openRegistryContext(engine);
  });
  afterEach(() => ctx.close());
  const operator = buildPrincipal();
  const system = buildPrincipal({ id: 'token-job', kind: 'token', role: 'system' });

  /** A REG customer born on `birth`, of `gender`, with a My Number item besides. */
  async function person(birth: string, gender: string, group = 'REG', acquiredAt?: string) {
    const at = acquiredAt ?? '2023-05-01T10:00:00+09:00';
    const created = await createCustomer(ctx, operator, {
      group,
      items: [
        buildItem({ category: 'name', value: `名前${birth}`, acquiredAt: at }),
        buildItem({ category: 'birthDate', value: birth, acquiredAt: at }),
        buildItem({ category: 'gender', value: gender, acquiredAt: at }),
        buildItem({ category: 'myNumber', value: '123456789018', acquiredAt: at }),
      ],
    });
    return created.id;
  }

  const query = {
    categories: ['birthDate', 'gender', 'myNumber'],
    purpose: 'PURPOSE.REG.3',
    dataset: 'test-set',
  };

  it('leaves out erased, opted-out and suspended customers and every My Number item, and audits the reads once', async () => {
    const kept = await person('1980-01-02', '女性');
    const erased = await person('1981-01-02', '男性');
    const optedOut = await person('1982-01-02', '男性');
    const suspended = await person('1983-01-02', '女性');
    await deleteCustomer(ctx, operator, { customerId: erased });
    await recordOptOut(ctx, operator, {
      customerId: optedOut,
      optOut: { at: '2025-01-01T00:00:00+09:00' },
    });
    await recordSuspension(ctx, operator, {
      customerId: suspended,
      suspension: { kind: 'use', from: '2025-01-01T00:00:00+09:00' },
    });
    const progress: [number, number][] = [];
    const source = await anonymizationSource(ctx, system, query, (d, t) => progress.push([d, t]));
    expect(source.customers).toEqual([{ customerId: kept, values: ['1980-01-02', '女性'] }]);
    const values = source.customers.flatMap((c) => c.values);
    expect(values).not.toContain('123456789018');
    expect(source.tally.considered).toBe(3);
    expect(source.tally.denied['ADS.OPT_OUT']).toBe(2);
    expect(Object.keys(source.tally.denied).some((k) => k.includes('REQUEST.SUSPEND_USE'))).toBe(
      true,
    );
    expect(progress.at(-1)).toEqual([3, 3]);

    const entries = (await ctx.audit.list({ limit: 100 })).filter(
      (e) => e.action === 'anonymize.readValues',
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: 'token-job',
      detail: { dataset: 'test-set', customers: 1, items: 2, categories: ['birthDate', 'gender'] },
    });
    // No per-customer value reads are written for the job: the one entry stands for them all.
    expect((await ctx.audit.list({ limit: 100 })).some((e) => e.action === 'item.readValue')).toBe(
      false,
    );
  });

  it('keeps to the group and the acquisition window, and refuses what it may not read', async () => {
    const early = await person('1970-01-01', '男性', 'REG', '2019-01-01T00:00:00+09:00');
    const late = await person('1971-01-01', '女性', 'REG', '2024-01-01T00:00:00+09:00');
    await person('1972-01-01', '女性', 'OTH');
    const window = await anonymizationSource(ctx, system, {
      ...query,
      group: 'REG',
      acquiredFrom: Date.parse('2020-01-01T00:00:00+09:00'),
      acquiredBefore: Date.parse('2025-01-01T00:00:00+09:00'),
    });
    expect(window.customers.map((c) => c.customerId)).toEqual([late]);
    expect(window.customers.map((c) => c.customerId)).not.toContain(early);

    const auditor = buildPrincipal({ id: 'user-auditor', role: 'auditor' });
    await expect(anonymizationSource(ctx, auditor, query)).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    const narrow = buildPrincipal({
      scope: { categories: new Set(['gender']), purposes: 'all' },
    });
    await expect(anonymizationSource(ctx, narrow, query)).rejects.toMatchObject({
      code: 'auth.forbidden',
      details: { field: 'categories' },
    });
  });
});
