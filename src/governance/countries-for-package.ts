import type { CompiledPolicy } from '../policy/index.ts';
import { countryRegister, type CountryEntryView } from './country-register.ts';

/** A country's entry as a disclosure package shows it: the facts, not the other recipients. */
export type PackageCountry = Omit<CountryEntryView, 'recipients' | 'overdue' | 'reviewDue'>;

/**
 * SECURITY.7 (APPI Art. 28(2), PPC Rules Art. 17(2)): the register's entries for the foreign
 * countries the customer's data went to, for the person's disclosure package.
 */
export function countriesForPackage(
  policy: CompiledPolicy,
  now: number,
  countries: readonly string[],
): PackageCountry[] {
  const wanted = new Set(countries);
  return countryRegister(policy, now, [])
    .entries.filter((e) => wanted.has(e.code))
    .map(({ recipients: _r, overdue: _o, reviewDue: _d, ...facts }) => facts);
}
