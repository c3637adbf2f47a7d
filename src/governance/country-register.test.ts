import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../policy/index.ts';
import { bundledPolicy } from '../policy/test-support.ts';
import { countriesForPackage } from './countries-for-package.ts';
import { countryRegister } from './country-register.ts';

const at = (iso: string) => Date.parse(iso);

describe('the foreign-country register (SECURITY.7)', () => {
  const policy = bundledPolicy();
  const recipients = [
    { id: 'google', legalName: 'Google LLC', country: 'US' },
    { id: 'docomo', legalName: 'NTT DOCOMO, INC.', country: 'JP' },
    { id: 'sg-co', legalName: 'SG Co.', country: 'SG' },
  ];

  it('shows a review overdue the day after it was due, in Japan', () => {
    const withReview = compilePolicy({
      ...policy.document,
      countries: {
        ...policy.document.countries!,
        entries: policy.document.countries!.entries.map((e) => ({ ...e, reviewed: '2025-03-31' })),
      },
    });
    const due = countryRegister(withReview, at('2026-03-31T14:59:59Z'), recipients);
    expect(due.entries[0]).toMatchObject({ code: 'US', reviewDue: '2026-03-31', overdue: false });
    const late = countryRegister(withReview, at('2026-03-31T15:00:00Z'), recipients);
    expect(late.entries[0]!.overdue).toBe(true);
  });

  it('lists the recipients there, and those abroad in a country without an entry', () => {
    const register = countryRegister(policy, at('2026-05-01T00:00:00Z'), recipients);
    expect(register.entries.map((e) => [e.code, e.recipients.map((r) => r.id)])).toEqual([
      ['US', ['google']],
    ]);
    expect(register.unregistered.map((r) => r.id)).toEqual(['sg-co']);
  });

  it('gives a disclosure package the facts of the countries the data went to', () => {
    const countries = countriesForPackage(policy, at('2026-05-01T00:00:00Z'), ['US', 'JP']);
    expect(countries.map((c) => c.code)).toEqual(['US']);
    expect(countries[0]).toMatchObject({ lawExists: true, adequacy: 'none', cbpr: true });
    expect(countries[0]).not.toHaveProperty('recipients');
  });
});
