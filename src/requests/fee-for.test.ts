import { describe, expect, it } from 'vitest';
import { HogoError } from '../errors/index.ts';
import { bundledPolicy } from '../policy/test-support.ts';
import { SURCHARGE_CEILING, feeFor } from './fee-for.ts';
import { SHORT_KINDS } from './request-kind.ts';

const policy = bundledPolicy();
// REQUEST.FEE: a disclosure only; no other kind is charged.
const CHARGED = new Set(['REQUEST.DISCLOSURE']);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof HogoError ? e.code : 'not a HogoError';
  }
  return undefined;
}

describe('feeFor (REQUEST.FEE)', () => {
  const table = Object.entries(SHORT_KINDS).flatMap(([short, id]) =>
    [1, 2, 3, 4, 5].map((lines) => ({
      short,
      id,
      lines,
      total: CHARGED.has(id) ? 1100 * lines : 0,
    })),
  );

  it.each(table)(
    'charges $total yen for $short with $lines line(s)',
    ({ short, id, lines, total }) => {
      const fee = feeFor(policy, { kind: short, lines });
      expect(fee.kind).toBe(id);
      expect(fee.total).toBe(total);
      expect(fee.base + fee.tax + (fee.surcharge?.amount ?? 0)).toBe(fee.total);
      expect(fee.base).toBe(CHARGED.has(id) ? 1000 * lines : 0);
    },
  );

  it('accepts the clause ID as well as the short name', () => {
    expect(feeFor(policy, { kind: 'REQUEST.DISCLOSURE', lines: 3 }).total).toBe(3300);
  });

  it('taxes a surcharge with the base and rounds the tax down to the yen', () => {
    const fee = feeFor(policy, {
      kind: 'disclosure',
      lines: 1,
      surcharge: { amount: 333, reason: 'records from an archive' },
    });
    // (1000 + 333) × 10% = 133.3 → 133
    expect(fee.tax).toBe(133);
    expect(fee.total).toBe(1466);
    expect(fee.surcharge).toEqual({ amount: 333, reason: 'records from an archive' });
  });

  it('refuses a surcharge over the bound (1e308 would make the fee no number)', () => {
    const at = (amount: number) => () =>
      feeFor(policy, { kind: 'disclosure', lines: 1, surcharge: { amount, reason: 'archive' } });
    expect(codeOf(at(1e308))).toBe('requests.invalid_surcharge');
    expect(codeOf(at(SURCHARGE_CEILING + 1))).toBe('requests.invalid_surcharge');
    expect(at(SURCHARGE_CEILING)().total).toBe(Math.floor((1000 + SURCHARGE_CEILING) * 1.1));
    const capped = structuredClone(policy.document);
    const disclosure = capped.requestKinds.find((k) => k.fee?.irregularSurcharge)!;
    (disclosure.fee as { maxSurcharge?: number }).maxSurcharge = 5_000;
    const own = { ...policy, document: capped };
    expect(
      codeOf(() =>
        feeFor(own, { kind: disclosure.id, lines: 1, surcharge: { amount: 5_001, reason: 'x' } }),
      ),
    ).toBe('requests.invalid_surcharge');
  });

  it('refuses a surcharge without a reason', () => {
    expect(
      codeOf(() =>
        feeFor(policy, { kind: 'disclosure', lines: 1, surcharge: { amount: 500, reason: '  ' } }),
      ),
    ).toBe('requests.surcharge_reason_required');
  });

  it('refuses a surcharge on a kind whose file entry does not allow one', () => {
    expect(
      codeOf(() =>
        feeFor(policy, { kind: 'deletion', lines: 1, surcharge: { amount: 500, reason: 'x' } }),
      ),
    ).toBe('requests.surcharge_not_allowed');
  });

  it('refuses an unknown kind, zero lines and a fractional surcharge', () => {
    expect(codeOf(() => feeFor(policy, { kind: 'gossip', lines: 1 }))).toBe(
      'requests.invalid_kind',
    );
    expect(codeOf(() => feeFor(policy, { kind: 'disclosure', lines: 0 }))).toBe(
      'requests.invalid_lines',
    );
    expect(
      codeOf(() =>
        feeFor(policy, { kind: 'disclosure', lines: 1, surcharge: { amount: 1.5, reason: 'r' } }),
      ),
    ).toBe('requests.invalid_surcharge');
  });
});
