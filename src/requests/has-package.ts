import type { Kysely } from 'kysely';
import { requestsDb } from './request-tables.ts';

/** Whether a request's package (a fulfilled disclosure's) is kept for download. */
export async function hasPackage(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  requestId: string,
): Promise<boolean> {
  const row = await requestsDb(db)
    .selectFrom('request_packages')
    .select('request_id')
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  return row !== undefined;
}
