import { HogoError } from '../errors/index.ts';
import type { CompiledPolicy } from '../policy/index.ts';

/**
 * SECURITY.7 (APPI Art. 28(2); PPC Rules Art. 17(2)): personal data leaves for a foreign country
 * only when the register knows that country's system, so the person can be told of it. A
 * recipient in the home country needs no entry. Refuses 'country.unregistered' otherwise.
 */
export function requireRegisteredCountry(
  policy: CompiledPolicy,
  recipient: { readonly id: string; readonly country: string },
): void {
  const register = policy.document.countries;
  const home = register?.home ?? 'JP';
  if (recipient.country === home) return;
  if (register?.entries.some((e) => e.code === recipient.country) === true) return;
  const clause = register?.clause ?? 'SECURITY.7';
  throw new HogoError(
    'country.unregistered',
    `recipient ${recipient.id} is in ${recipient.country}, which the foreign-country register does not hold (${clause}; APPI Art. 28)`,
    { field: 'recipientId', country: recipient.country, clauses: [clause] },
  );
}
