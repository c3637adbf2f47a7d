import { describe, expect, it } from 'vitest';
import { bundledPolicy } from '../policy/test-support.ts';
import { breachDuties } from './breach-duties.ts';
import type { BreachFacts } from './breach-facts.ts';
import { HOLIDAY_DATA_ENDS } from './japan-calendar.ts';

const breach = bundledPolicy().document.breach!;

/** An incident of ordinary data, known on a plain Monday, with no trigger met. */
function facts(overrides: Partial<BreachFacts> = {}): BreachFacts {
  return {
    knownOn: '2026-11-02',
    persons: 1,
    sensitive: false,
    financial: false,
    wrongful: false,
    encrypted: false,
    ...overrides,
  };
}

describe('breach deadlines (PPC Rules Art. 8, day of knowledge = day 1)', () => {
  it('known 2026-11-02, more than 1,000 people: final report due 2026-12-01', () => {
    const d = breachDuties(breach, facts({ persons: 1001 }));
    expect(d.finalDue).toBe('2026-12-01');
    expect(d.finalDays).toBe(30);
  });

  it('known 2026-11-02, wrongful act: day 60 is 2026-12-31, so due 2027-01-04', () => {
    const d = breachDuties(breach, facts({ wrongful: true }));
    expect(d.finalDays).toBe(60);
    expect(d.finalDue).toBe('2027-01-04');
  });

  it('known 2026-12-01, 30 days: day 30 is 2026-12-30, so due 2027-01-04', () => {
    expect(breachDuties(breach, facts({ knownOn: '2026-12-01', persons: 1001 })).finalDue).toBe(
      '2027-01-04',
    );
  });

  it('known 2026-10-05: day 30 is 2026-11-03 (Culture Day), so due 2026-11-04', () => {
    expect(breachDuties(breach, facts({ knownOn: '2026-10-05', sensitive: true })).finalDue).toBe(
      '2026-11-04',
    );
  });

  it('the preliminary report is due by day 3 as the file sets, not moved past a weekend', () => {
    // 2026-11-05 (Thu) + 2 = Saturday 2026-11-07.
    const d = breachDuties(breach, facts({ knownOn: '2026-11-05', sensitive: true }));
    expect(breach.preliminaryDays).toBe(3);
    expect(d.preliminaryDue).toBe('2026-11-07');
  });

  it('refuses to count past the end of the holiday calendar, naming where it ends', () => {
    const late = `${Number(HOLIDAY_DATA_ENDS.slice(0, 4))}-12-20`;
    expect(() => breachDuties(breach, facts({ knownOn: late, sensitive: true }))).toThrow(
      `the holiday calendar ends on ${HOLIDAY_DATA_ENDS}`,
    );
  });

  it('refuses a day that is not a date, naming the field', () => {
    expect(() => breachDuties(breach, facts({ knownOn: '2026-02-30' }))).toThrow(
      'knownOn: 2026-02-30 is not a date',
    );
  });
});

describe('reportability (APPI Art. 26(1), PPC Rules Art. 7)', () => {
  it('sensitive data of one person is reportable, citing BREACH.SENSITIVE', () => {
    const d = breachDuties(breach, facts({ sensitive: true }));
    expect(d.reportable).toBe(true);
    expect(d.clauses).toEqual([
      'BREACH.SENSITIVE',
      'BREACH.PRELIMINARY',
      'BREACH.FINAL',
      'BREACH.NOTICE',
    ]);
  });

  it('the same strongly encrypted with the key safe is not reportable, citing the exemption', () => {
    const d = breachDuties(breach, facts({ sensitive: true, encrypted: true }));
    expect(d.reportable).toBe(false);
    expect(d.clauses).toEqual(['BREACH.SENSITIVE', 'BREACH.ENCRYPTED']);
    expect(d.finalDue).toBeNull();
  });

  it('1,000 people of ordinary data are not reportable', () => {
    const d = breachDuties(breach, facts({ persons: 1000 }));
    expect(d.reportable).toBe(false);
    expect(d.triggers).toEqual([]);
  });

  it('1,001 people are reportable, citing BREACH.PERSONS', () => {
    const d = breachDuties(breach, facts({ persons: 1001 }));
    expect(d.reportable).toBe(true);
    expect(d.triggers).toEqual(['BREACH.PERSONS']);
  });

  it('financial data of one person is reportable', () => {
    expect(breachDuties(breach, facts({ financial: true })).triggers).toEqual(['BREACH.FINANCIAL']);
  });

  it('skimming counts as a wrongful act only from 2024-04-01', () => {
    const before = breachDuties(
      breach,
      facts({ knownOn: '2024-03-29', wrongful: true, skimming: true }),
    );
    const after = breachDuties(
      breach,
      facts({ knownOn: '2024-04-01', wrongful: true, skimming: true }),
    );
    expect(before.reportable).toBe(false);
    expect(after.triggers).toEqual(['BREACH.WRONGFUL']);
  });

  it('a leak of the secrecy of communications opens the TBA track even when APPI does not', () => {
    const d = breachDuties(breach, facts({ secrecyOfCommunications: true }));
    expect(d.reportable).toBe(false);
    expect(d.telecom).toEqual({ clause: 'BREACH.TELECOM', finalDue: '2026-12-01' });
  });
});
