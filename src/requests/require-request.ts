import type { Kysely } from 'kysely';
import { HogoError } from '../errors/index.ts';
import type { CustomerRequest } from './customer-request.ts';
import { requestsDb } from './request-tables.ts';

/** The request with this id; 'requests.not_found' when there is none. */
export async function requireRequest(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  id: string,
): Promise<CustomerRequest> {
  const row = await requestsDb(db)
    .selectFrom('requests')
    .select('body')
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined)
    throw new HogoError('requests.not_found', 'no such request', { field: 'requestId' });
  return JSON.parse(row.body) as CustomerRequest;
}
