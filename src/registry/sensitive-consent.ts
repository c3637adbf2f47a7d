import type { Kysely } from 'kysely';
import { HogoError } from '../errors/index.ts';
import { registryDb } from './registry-tables.ts';

/** The category of sensitive ("special care-required") information, as the policy file's rules name it. */
export const SENSITIVE_CATEGORY = 'sensitive';

/** Why a sensitive item without a prior consent is refused, for field problems and errors. */
export const SENSITIVE_WITHOUT_CONSENT =
  'OBTAIN.SENSITIVE: sensitive information is acquired only with the person’s prior consent (APPI Art. 20(2)), and none is on record at its acquisition; record the consent first';

/**
 * OBTAIN.SENSITIVE, APPI Art. 20(2): a sensitive item is acquired only with the person's prior
 * consent. Refuses ('registry.consent_required', citing the clause) unless the customer has a
 * consent on record given at or before `acquiredAt` and not withdrawn by then. A customer
 * registered with the item has no consent on record yet: `prepareCustomer` refuses it there.
 */
export async function requirePriorConsent(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  customerId: string,
  acquiredAt: number,
  field: string,
): Promise<void> {
  const consent = await registryDb(db)
    .selectFrom('consents')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('at', '<=', acquiredAt)
    .where((eb) => eb.or([eb('withdrawn_at', 'is', null), eb('withdrawn_at', '>', acquiredAt)]))
    .executeTakeFirst();
  if (consent === undefined)
    throw new HogoError('registry.consent_required', SENSITIVE_WITHOUT_CONSENT, {
      field,
      clauses: ['OBTAIN.SENSITIVE'],
    });
}
