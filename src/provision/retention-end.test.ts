import { describe, expect, it } from 'vitest';
import { recordRequiredByLaw } from './record-required-by-law.ts';
import { addJapanYears, retentionEnd } from './retention-end.ts';

describe('retentionEnd (APPI Art. 29(2), Rule 21)', () => {
  it('keeps a record 3 years from its creation', () => {
    const created = Date.parse('2026-01-10T09:00:00+09:00');
    expect(retentionEnd(created, false)).toBe(Date.parse('2029-01-10T09:00:00+09:00'));
  });

  it('keeps a contract record 1 year after the provision', () => {
    const last = Date.parse('2026-03-31T23:30:00+09:00');
    expect(retentionEnd(last, true)).toBe(Date.parse('2027-03-31T23:30:00+09:00'));
  });

  it('counts years by the Japan date, not the UTC date', () => {
    // 2024-03-01 00:30 in Japan is still 29 February in UTC.
    const at = Date.parse('2024-03-01T00:30:00+09:00');
    expect(addJapanYears(at, 1)).toBe(Date.parse('2025-03-01T00:30:00+09:00'));
  });
});

describe('recordRequiredByLaw (APPI Art. 29(1), Art. 27, Art. 28)', () => {
  it('needs no record for a domestic authority, subcontractor or joint user', () => {
    expect(recordRequiredByLaw('authority', 'JP')).toBe(false);
    expect(recordRequiredByLaw('subcontractor', 'JP')).toBe(false);
    expect(recordRequiredByLaw('jointUser', 'JP')).toBe(false);
  });

  it('always needs one for a recipient abroad, and for claims collectors', () => {
    expect(recordRequiredByLaw('subcontractor', 'US')).toBe(true);
    expect(recordRequiredByLaw('jointUser', 'SG')).toBe(true);
    expect(recordRequiredByLaw('adPlatform', 'US')).toBe(true);
    expect(recordRequiredByLaw('claimsCollector', 'JP')).toBe(true);
  });
});
