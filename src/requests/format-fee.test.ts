import { describe, expect, it } from 'vitest';
import { bundledPolicy } from '../policy/test-support.ts';
import { feeFor } from './fee-for.ts';
import { formatFee } from './format-fee.ts';

describe('formatFee', () => {
  it('itemises a disclosure for three lines', () => {
    expect(formatFee(feeFor(bundledPolicy(), { kind: 'disclosure', lines: 3 }))).toBe(
      [
        'REQUEST.DISCLOSURE (REQUEST.FEE)',
        '  3 subscriber lines × ¥1,000         ¥3,000',
        '  consumption tax 10% (rounded down)    ¥300',
        '  total                               ¥3,300',
      ].join('\n'),
    );
  });
});
