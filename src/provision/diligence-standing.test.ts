import { describe, expect, it } from 'vitest';
import { diligenceStanding } from './diligence-standing.ts';
import type { DiligenceView } from './diligence-view.ts';

const verification = (id: string, verifiedAt: string, expiresAt: string): DiligenceView => ({
  id,
  agreementReference: id,
  measures: [],
  verifiedAt,
  expiresAt,
  verifiedBy: 'user-officer',
});
const at = Date.parse('2026-07-01T00:00:00Z');

describe('diligenceStanding', () => {
  it('takes the latest verification made by then, even when an older one runs longer', () => {
    const longer = verification('long', '2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z');
    const ended = verification('ended', '2026-03-01T00:00:00Z', '2026-06-30T00:00:00Z');
    expect(diligenceStanding(true, [longer, ended], at)).toEqual({
      status: 'expired',
      record: ended,
    });
  });

  it('is in force while that verification holds, and ignores one made later', () => {
    const current = verification('now', '2026-06-01T00:00:00Z', '2026-08-01T00:00:00Z');
    const later = verification('later', '2026-07-02T00:00:00Z', '2026-07-03T00:00:00Z');
    expect(diligenceStanding(true, [current, later], at)).toEqual({
      status: 'inForce',
      record: current,
    });
  });

  it('is not yet in force when every verification was made after the moment', () => {
    const later = verification('later', '2026-07-02T00:00:00Z', '2027-07-02T00:00:00Z');
    expect(diligenceStanding(true, [later], at)).toEqual({ status: 'notYet', record: null });
  });

  it('is missing without any verification, and not required for a kind that needs none', () => {
    expect(diligenceStanding(true, [], at)).toEqual({ status: 'missing', record: null });
    const old = verification('old', '2025-01-01T00:00:00Z', '2025-12-31T00:00:00Z');
    expect(diligenceStanding(false, [old], at)).toEqual({ status: 'notRequired', record: null });
  });
});
