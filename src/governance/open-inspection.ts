import type { Kysely } from 'kysely';
import { HogoError } from '../errors/index.ts';
import type { PolicyChecklist } from '../policy/index.ts';
import type { GovernanceDeps } from './governance-deps.ts';
import { governanceDb, type GovernanceTables } from './governance-tables.ts';
import { requireChecklist } from './start-inspection.ts';

type InspectionRow = GovernanceTables['inspections'];

/** The inspection with this id and its checklist, refused unless it is still open. */
export async function openInspection(
  ctx: GovernanceDeps,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  id: string,
): Promise<{ readonly row: InspectionRow; readonly checklist: PolicyChecklist }> {
  const row = await governanceDb(tx)
    .selectFrom('inspections')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) {
    throw new HogoError('inspection.not_found', `no inspection ${id}`, { field: 'id' });
  }
  if (row.state !== 'open') {
    throw new HogoError('inspection.closed', `inspection ${id} is closed`, { state: row.state });
  }
  return { row, checklist: requireChecklist(ctx, row.checklist_id) };
}
