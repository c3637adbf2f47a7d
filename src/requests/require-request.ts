import type { Kysely } from 'kysely';
import { HogoError } from '../errors/index.ts';
import { visibleCustomerIds } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import type { CustomerRequest } from './customer-request.ts';
import { requestsDb } from './request-tables.ts';

/** How a request is read: locked for the transaction, and for whom. */
export interface RequireRequestOptions {
  /**
   * Inside a transaction, on an engine with concurrent writers: the row is locked until the
   * transaction ends, so concurrent steps on one request run one after the other.
   */
  readonly lock?: boolean;
  /** Who asks: a request whose customer lies outside their customer groups is not found. */
  readonly principal?: Principal;
}

/**
 * The request with this id; 'requests.not_found' when there is none, or when its customer lies
 * outside the principal's customer groups (SECURITY.6: not found, so nothing leaks).
 */
export async function requireRequest(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  id: string,
  options: RequireRequestOptions = {},
): Promise<CustomerRequest> {
  const query = requestsDb(db).selectFrom('requests').select('body').where('id', '=', id);
  const row = await (options.lock === true ? query.forUpdate() : query).executeTakeFirst();
  const request = row === undefined ? undefined : (JSON.parse(row.body) as CustomerRequest);
  const principal = options.principal;
  if (
    request === undefined ||
    (principal !== undefined &&
      !(await visibleCustomerIds(db, principal, [request.customerId])).has(request.customerId))
  )
    throw new HogoError('requests.not_found', 'no such request', { field: 'requestId' });
  return request;
}
