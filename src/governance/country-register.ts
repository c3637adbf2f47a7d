import type { CompiledPolicy, Localized } from '../policy/index.ts';
import { addMonths, dayIn } from './japan-date.ts';

/** A recipient placed in a country of the register (from the provision slice's recipients). */
export interface CountryRecipient {
  readonly id: string;
  readonly legalName: string;
  readonly country: string;
}

/** One entry of the foreign-country register as shown to staff (SECURITY.7). */
export interface CountryEntryView {
  readonly code: string;
  readonly name: Localized;
  readonly lawExists: boolean;
  readonly law: Localized;
  readonly adequacy: 'adequate' | 'none';
  readonly cbpr: boolean;
  readonly oecdGaps: Localized;
  readonly governmentAccess: Localized;
  readonly localisation: Localized;
  readonly reviewed: string;
  /** The day the next review is due (YYYY-MM-DD, policy time zone). */
  readonly reviewDue: string;
  readonly overdue: boolean;
  readonly recipients: readonly { readonly id: string; readonly legalName: string }[];
}

/** The register with what it leaves out: recipients abroad in a country without an entry. */
export interface CountryRegisterView {
  readonly clause: string;
  readonly home: string;
  readonly reviewMonths: number;
  readonly entries: readonly CountryEntryView[];
  /** Recipients in a foreign country the register does not hold: every provision refused. */
  readonly unregistered: readonly CountryRecipient[];
}

/** The clause and home country when a policy file has no register: every country abroad is unknown. */
const NO_REGISTER = { clause: 'SECURITY.7', home: 'JP', reviewMonths: 12, entries: [] } as const;

/**
 * SECURITY.7 (APPI Art. 28; PPC Rules Art. 17): the register of the policy file, each entry with
 * its next review (reviewMonths after the last, overdue once that day has passed in the
 * policy's zone) and the recipients placed there.
 */
export function countryRegister(
  policy: CompiledPolicy,
  now: number,
  recipients: readonly CountryRecipient[],
): CountryRegisterView {
  const register = policy.document.countries ?? NO_REGISTER;
  const today = dayIn(policy.offset, now);
  const codes = new Set(register.entries.map((e) => e.code));
  return {
    clause: register.clause,
    home: register.home,
    reviewMonths: register.reviewMonths,
    entries: register.entries.map((e) => {
      const reviewDue = addMonths(e.reviewed, register.reviewMonths);
      return {
        ...e,
        reviewDue,
        overdue: today > reviewDue,
        recipients: recipients
          .filter((r) => r.country === e.code)
          .map((r) => ({ id: r.id, legalName: r.legalName })),
      };
    }),
    unregistered: recipients.filter((r) => r.country !== register.home && !codes.has(r.country)),
  };
}
