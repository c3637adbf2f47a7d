import type { Kysely } from 'kysely';
import { HogoError } from '../errors/index.ts';
import { groupInScope, type Principal } from '../security/index.ts';
import { registryDb, type RegistryTables } from './registry-tables.ts';

/** The error for a customer, item or record that does not exist or is not visible. */
export function notFound(what: string, field: string): HogoError {
  return new HogoError('registry.not_found', `no such ${what}`, { field });
}

/**
 * The customer's row; 'registry.not_found' when there is none or it is deleted (a deleted
 * customer is invisible everywhere), and when the principal's scope (SECURITY.6) does not
 * cover the customer's group: not found rather than forbidden, so that a customer's existence
 * does not leak outside the scope.
 */
export async function requireCustomer(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  customerId: string,
  principal?: Principal,
): Promise<RegistryTables['customers']> {
  const row = await registryDb(db)
    .selectFrom('customers')
    .selectAll()
    .where('id', '=', customerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (
    row === undefined ||
    (principal !== undefined && !groupInScope(principal, row.customer_group))
  )
    throw notFound('customer', 'customerId');
  return row;
}
