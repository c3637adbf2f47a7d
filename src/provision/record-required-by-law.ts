import type { RecipientKind } from './recipient-kind.ts';

/** The country whose law (APPI) the company is under. */
export const HOME_COUNTRY = 'JP';

/**
 * APPI Art. 29(1): whether the law requires a record of this provision. Not for a provision
 * required by law or to a state organ (Art. 27(1), authority), nor for entrustment or joint use
 * (Art. 27(5)) — except to a recipient abroad (Art. 28), where it always does. §5 of the
 * policy still records every provision; this decides only whether the law's rules bind it.
 */
export function recordRequiredByLaw(kind: RecipientKind, country: string): boolean {
  if (country !== HOME_COUNTRY) return true;
  return kind === 'claimsCollector' || kind === 'adPlatform';
}
