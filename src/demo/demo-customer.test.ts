import { describe, expect, it } from 'vitest';
import { prepareRow } from '../intake/prepare-row.ts';
import { bundledPolicy } from '../policy/test-support.ts';
import { demoCustomer } from './demo-customer.ts';

const sample = (seed: number, count: number) =>
  Array.from({ length: count }, (_, n) => demoCustomer(seed, n));

describe('demoCustomer', () => {
  it('gives the same customers and external IDs for the same seed, others for another', () => {
    expect(sample(42, 50)).toEqual(sample(42, 50));
    expect(demoCustomer(42, 7)).toEqual(sample(42, 8)[7]);
    const other = sample(43, 50);
    expect(other.map((d) => d.row.externalId)).not.toEqual(
      sample(42, 50).map((d) => d.row.externalId),
    );
    expect(other.map((d) => d.row.name)).not.toEqual(sample(42, 50).map((d) => d.row.name));
  });

  it('gives rows the registry accepts, with kana matching the kanji name', () => {
    const policy = bundledPolicy();
    for (const d of sample(5, 2_000)) {
      const prepared = prepareRow(policy, d.row);
      expect(prepared.ok ? [] : prepared.problems).toEqual([]);
      expect(d.row.name!.split(' ')).toHaveLength(2);
      expect(d.row.nameKana).toMatch(/^[\u30a0-\u30ff]+ [\u30a0-\u30ff]+$/);
      expect(d.row.postalCode).toMatch(/^\d{3}-\d{4}$/);
      expect(d.row.address).toMatch(/^(東京都|北海道|(大阪|京都)府|.{2,3}県)/);
    }
  });

  it('covers the cases the policy tells apart', () => {
    const rows = sample(9, 5_000);
    const count = (p: (d: (typeof rows)[number]) => boolean) => rows.filter(p).length;
    const transition = Date.parse('2022-07-01T00:00:00+09:00');
    expect(count((d) => d.row.transferredFromDocomo === 'true')).toBeGreaterThan(500);
    expect(count((d) => d.row.claimsAssignee === 'docomo')).toBeGreaterThan(100);
    expect(count((d) => d.row.claimsAssignee === 'ntt-finance')).toBeGreaterThan(50);
    expect(count((d) => Date.parse(d.row.acquiredAt!) < transition)).toBeGreaterThan(1_000);
    expect(count((d) => Date.parse(d.row.acquiredAt!) >= transition)).toBeGreaterThan(1_000);
    expect(count((d) => /^0[789]0-/.test(d.row.phone!))).toBeGreaterThan(3_000);
    expect(count((d) => /^0[1-69]/.test(d.row.phone!))).toBeGreaterThan(500);
    expect(count((d) => d.row.group === 'OTH')).toBeGreaterThan(200);
    expect(count((d) => d.consent !== undefined)).toBeGreaterThan(100);
    expect(count((d) => d.optOut !== undefined)).toBeGreaterThan(50);
    expect(count((d) => d.suspension !== undefined)).toBeGreaterThan(10);
  });
});
