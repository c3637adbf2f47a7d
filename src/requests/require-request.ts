import type { Kysely } from 'kysely';
import { HogoError } from '../errors/index.ts';
import type { CustomerRequest } from './customer-request.ts';
import { requestsDb } from './request-tables.ts';

/**
 * The request with this id; 'requests.not_found' when there is none. With `lock` (inside a
 * transaction, on an engine with concurrent writers) its row is locked until the transaction
 * ends, so concurrent steps on one request run one after the other.
 */
export async function requireRequest(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  id: string,
  lock = false,
): Promise<CustomerRequest> {
  const query = requestsDb(db).selectFrom('requests').select('body').where('id', '=', id);
  const row = await (lock ? query.forUpdate() : query).executeTakeFirst();
  if (row === undefined)
    throw new HogoError('requests.not_found', 'no such request', { field: 'requestId' });
  return JSON.parse(row.body) as CustomerRequest;
}
