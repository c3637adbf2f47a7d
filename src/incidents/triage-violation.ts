import type { IncidentDeps } from './incident-deps.ts';
import { HogoError } from '../errors/index.ts';
import { authorize } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import { incidentDb } from './incident-tables.ts';
import { recordIncident, type IncidentInput } from './record-incident.ts';
import { readViolationText } from './report-violation.ts';
import { requireIncident } from './require-incident.ts';
import { toViolationView, type ViolationView } from './violation-view.ts';

/** What the privacy officer decides of a report: an incident (new or recorded), or closed. */
export type TriageInput =
  | { readonly action: 'incident'; readonly incident: IncidentInput }
  | { readonly action: 'incident'; readonly incidentId: string }
  | { readonly action: 'close'; readonly reason: string };

/**
 * Triages an open violation report (SECURITY.3): turns it into an incident — recorded now from
 * the facts given, or one already recorded — linked to the report, or closes it with a reason.
 * A report triaged once is not triaged again ('incidents.violation_triaged'). Audited as
 * 'violation.triage'. Needs 'incidents.manage'.
 */
export async function triageViolation(
  ctx: IncidentDeps,
  principal: Principal,
  violationId: string,
  input: TriageInput,
): Promise<ViolationView> {
  authorize(principal, 'incidents.manage');
  const open = async () => {
    const row = await incidentDb(ctx.store.db)
      .selectFrom('violation_reports')
      .selectAll()
      .where('id', '=', violationId)
      .executeTakeFirst();
    if (row === undefined)
      throw new HogoError('incidents.not_found', 'no such violation report', {
        field: 'violationId',
      });
    if (row.status !== 'open')
      throw new HogoError('incidents.violation_triaged', `the report is already ${row.status}`, {
        field: 'violationId',
      });
    return row;
  };
  await open();
  let incidentId: string | null = null;
  let reason: string | null = null;
  if (input.action === 'close') reason = readViolationText(input.reason, 'reason', 3);
  else if (input.action === 'incident' && 'incidentId' in input)
    incidentId = (await requireIncident(ctx.store.db, input.incidentId)).id;
  else if (input.action === 'incident')
    incidentId = (await recordIncident(ctx, principal, input.incident)).id;
  else
    throw new HogoError('incidents.invalid_violation', 'action must be incident or close', {
      field: 'action',
    });
  return ctx.store.db.transaction().execute(async (tx) => {
    const now = ctx.clock();
    const updated = await incidentDb(tx)
      .updateTable('violation_reports')
      .set({
        status: incidentId === null ? 'closed' : 'incident',
        incident_id: incidentId,
        close_reason: reason,
        triaged_by: principal.id,
        triaged_at: now,
      })
      .where('id', '=', violationId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) await open();
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'violation.triage',
        detail: { violationId, outcome: incidentId === null ? 'closed' : 'incident', incidentId },
      },
    ]);
    const row = await incidentDb(tx)
      .selectFrom('violation_reports')
      .selectAll()
      .where('id', '=', violationId)
      .executeTakeFirstOrThrow();
    return toViolationView(row);
  });
}
