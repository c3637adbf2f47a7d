import { describe, expect, it } from 'vitest';
import { parseInstant } from './condition-language.ts';
import { BUNDLED_POLICY_PATH } from './bundled-policy-path.ts';
import { loadPolicyFile } from './load-policy.ts';
import { feeTotal, policyAt } from './policy-at.ts';

const policy = loadPolicyFile(BUNDLED_POLICY_PATH);
const jst = (date: string) => parseInstant(date, '+09:00');
const purposeIds = (at: number) =>
  policyAt(policy, at).groups.flatMap((g) => g.purposes.map((p) => p.id));

describe('policyAt', () => {
  it('takes the version whose date, at midnight Japan time, is the latest at or before the instant', () => {
    expect(policyAt(policy, Date.parse('2022-06-30T23:59:59.999+09:00')).version?.id).toBe(
      '2005-04-01',
    );
    expect(policyAt(policy, Date.parse('2022-06-30T15:00:00Z')).version?.id).toBe('2022-07-01');
    expect(policyAt(policy, jst('2025-03-01')).version).toEqual({
      id: '2025-02-03',
      clause: null,
      summary: { en: 'Last revised.', ja: '最終改定。' },
      changes: 'unknown',
      note: expect.any(String),
    });
  });

  it('states the instant asked about as ISO 8601 in the policy’s time zone', () => {
    expect(policyAt(policy, jst('2025-03-01')).at).toBe('2025-03-01T00:00:00.000+09:00');
    expect(policyAt(policy, Date.parse('2022-06-30T15:30:00Z')).at).toBe(
      '2022-07-01T00:30:00.000+09:00',
    );
  });

  it('has PURPOSE.REG.7 in force on 2022-07-01 but not on 2022-06-30', () => {
    expect(purposeIds(jst('2022-06-30'))).not.toContain('PURPOSE.REG.7');
    expect(purposeIds(jst('2022-07-01'))).toContain('PURPOSE.REG.7');
  });

  it('lists every version with the one in force flagged', () => {
    const view = policyAt(policy, jst('2023-05-01'));
    expect(view.versions.map((v) => [v.id, v.inForce, v.past])).toEqual([
      ['2005-04-01', false, true],
      ['2022-07-01', false, true],
      ['2023-04-01', true, true],
      ['2023-07-01', false, false],
      ['2025-02-03', false, false],
    ]);
  });

  it('holds the transitional purposes only from 2022-07-01, with their condition', () => {
    expect(purposeIds(jst('2022-06-30'))).not.toContain('PURPOSE.REG.7');
    expect(purposeIds(jst('2022-06-30'))).toHaveLength(20);
    expect(purposeIds(jst('2022-07-01'))).toHaveLength(24);
    const reg = policyAt(policy, jst('2025-03-01')).groups.find((g) => g.id === 'REG')!;
    const reg7 = reg.purposes.find((p) => p.id === 'PURPOSE.REG.7')!;
    expect(reg7).toMatchObject({
      condition: 'item.service.transferredFromDocomo and item.acquiredAt >= 2022-07-01',
      conditionClause: 'SP.2022.TRANSITIONAL',
      since: '2022-07-01',
      until: null,
      suspendable: true,
    });
    expect(reg7.conditionReason?.en).toMatch(/^PURPOSE\.REG\.7 applies only to services/);
    const reg1a = reg.purposes.find((p) => p.id === 'PURPOSE.REG.1a')!;
    expect(reg1a).not.toHaveProperty('condition');
    expect(reg1a).toMatchObject({ since: '2005-04-01', suspendable: false });
  });

  it('lists the rules in force with their conditions, cites and reasons', () => {
    const rules = policyAt(policy, jst('2025-03-01')).rules;
    expect(rules.map((r) => r.id)).toContain('ADS.ITEMS');
    expect(rules.find((r) => r.id === 'ADS.ITEMS')).toMatchObject({
      when: "recipient.kind == 'adPlatform' and not (item.category in recipient.accepts)",
      cites: ['ADS'],
    });
  });

  it('computes the fee with tax, rounded down to the yen', () => {
    const disclosure = policyAt(policy, jst('2025-03-01')).requestKinds.find(
      (k) => k.id === 'REQUEST.DISCLOSURE',
    )!;
    expect(disclosure.dueDays).toBe(14);
    expect(disclosure.fee).toEqual({
      amount: 1000,
      taxRate: 0.1,
      total: 1100,
      per: 'subscriberLine',
      currency: 'JPY',
      irregularSurcharge: true,
    });
    const amendment = policyAt(policy, jst('2025-03-01')).requestKinds.find(
      (k) => k.id === 'REQUEST.AMENDMENT',
    )!;
    expect(amendment.fee).toBeNull();
  });

  it('says of each request kind what the file says it delivers, needs and charges', () => {
    const kinds = policyAt(policy, jst('2025-03-01')).requestKinds;
    const facts = (id: string) => {
      const k = kinds.find((kind) => kind.id === id)!;
      return [k.deliversPackage, k.needsCustomer, k.needsPolicy, k.charged];
    };
    expect(facts('REQUEST.DISCLOSURE')).toEqual([true, false, false, true]);
    expect(facts('REQUEST.PROVISION_RECORDS')).toEqual([true, false, false, false]);
    expect(facts('REQUEST.AMENDMENT')).toEqual([false, true, false, false]);
    expect(facts('REQUEST.ADDITION')).toEqual([false, false, true, false]);
    expect(facts('REQUEST.SUSPEND_USE')).toEqual([false, true, true, false]);
    expect(facts('REQUEST.COMPLAINT')).toEqual([false, false, false, false]);
  });

  it('rounds fee totals down without floating-point noise', () => {
    expect(feeTotal(1000, 0.1)).toBe(1100);
    expect(feeTotal(999, 0.08)).toBe(1078);
    expect(feeTotal(105, 0.1)).toBe(115);
    expect(feeTotal(0, 0.1)).toBe(0);
  });

  it('is plain JSON', () => {
    const view = policyAt(policy, jst('2025-03-01'));
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('has nothing in force before the policy was enacted', () => {
    const view = policyAt(policy, jst('2005-03-31'));
    expect(view.version).toBeNull();
    expect(view.groups.every((g) => g.purposes.length === 0)).toBe(true);
    expect(view.rules).toEqual([]);
    expect(view.versions.every((v) => !v.inForce && !v.past)).toBe(true);
  });
});
