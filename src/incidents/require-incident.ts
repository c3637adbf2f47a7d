import type { Kysely } from 'kysely';
import { HogoError } from '../errors/index.ts';
import { incidentDb, type IncidentTables } from './incident-tables.ts';

/** The incident's row, or 'incidents.not_found' naming the field. */
export async function requireIncident(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  incidentId: string,
): Promise<IncidentTables['incidents']> {
  const row = await incidentDb(db)
    .selectFrom('incidents')
    .selectAll()
    .where('id', '=', incidentId)
    .executeTakeFirst();
  if (row === undefined)
    throw new HogoError('incidents.not_found', 'no such incident', { field: 'incidentId' });
  return row;
}
