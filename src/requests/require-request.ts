import type { Kysely } from 'kysely';
import { HogoError } from '../errors/index.ts';
import { visibleCustomerIds } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import type { CustomerRequest } from './customer-request.ts';
import { requestsDb } from './request-tables.ts';

/**
 * The request with this id; 'requests.not_found' when there is none, or when its customer lies
 * outside the principal's customer groups (SECURITY.6: not found, so nothing leaks).
 */
export async function requireRequest(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  id: string,
  principal?: Principal,
): Promise<CustomerRequest> {
  const row = await requestsDb(db)
    .selectFrom('requests')
    .select('body')
    .where('id', '=', id)
    .executeTakeFirst();
  const request = row === undefined ? undefined : (JSON.parse(row.body) as CustomerRequest);
  if (
    request === undefined ||
    (principal !== undefined &&
      !(await visibleCustomerIds(db, principal, [request.customerId])).has(request.customerId))
  )
    throw new HogoError('requests.not_found', 'no such request', { field: 'requestId' });
  return request;
}
