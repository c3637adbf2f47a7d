import type { IncidentDeps } from './incident-deps.ts';
import { HogoError } from '../errors/index.ts';
import { authorize, newId } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import type { BreachDuties } from './breach-duties.ts';
import { toFiling } from './incident-filings.ts';
import { incidentDb } from './incident-tables.ts';
import type { ReportStage, ReportTrack, ReportVersion } from './report-filing.ts';
import { readReportItems } from './report-items.ts';
import { requireIncident } from './require-incident.ts';

/** What staff file: which report, which stage, and its nine items. */
export interface ReportInput {
  readonly track: ReportTrack;
  readonly stage: ReportStage;
  readonly items: unknown;
}

/**
 * Files a report as a new version kept as filed, with who and when: to the PPC (APPI Art.
 * 26(1), PPC Rules Art. 8: the preliminary promptly, the final within 30 or 60 days) or, on the
 * TBA track, to the Minister of Internal Affairs and Communications (Telecommunications
 * Business Act Art. 28). The final comes after a preliminary of its track; a preliminary after
 * the final is refused; a later final corrects it (a new version). Filing meets the deadline of
 * its stage. Audited as 'incident.report.file'. Needs 'incidents.manage'.
 */
export async function fileReport(
  ctx: IncidentDeps,
  principal: Principal,
  incidentId: string,
  input: ReportInput,
): Promise<ReportVersion> {
  authorize(principal, 'incidents.manage');
  if (input.track !== 'ppc' && input.track !== 'tba')
    throw new HogoError('incidents.invalid_report', 'track must be ppc or tba', { field: 'track' });
  if (input.stage !== 'preliminary' && input.stage !== 'final')
    throw new HogoError('incidents.invalid_report', 'stage must be preliminary or final', {
      field: 'stage',
    });
  const items = readReportItems(input.items);
  return ctx.store.db.transaction().execute(async (tx) => {
    const incident = await requireIncident(tx, incidentId);
    const duties = JSON.parse(incident.duties) as BreachDuties;
    if (input.track === 'ppc' && !duties.reportable)
      throw new HogoError(
        'incidents.not_reportable',
        `the incident is not reportable to the PPC (${duties.clauses.join(', ')})`,
        { clauses: duties.clauses },
      );
    if (input.track === 'tba' && duties.telecom === null)
      throw new HogoError(
        'incidents.not_reportable',
        'the secrecy of communications is not concerned: no report under TBA Art. 28',
        { field: 'track' },
      );
    const earlier = await incidentDb(tx)
      .selectFrom('incident_reports')
      .select(['stage', 'version'])
      .where('incident_id', '=', incidentId)
      .where('track', '=', input.track)
      .execute();
    const has = (stage: ReportStage) => earlier.some((e) => e.stage === stage);
    if (input.stage === 'final' && !has('preliminary'))
      throw new HogoError(
        'incidents.final_before_preliminary',
        'the final report follows a preliminary report (PPC Rules Art. 8(1), 8(2)): file the preliminary first',
        { field: 'stage' },
      );
    if (input.stage === 'preliminary' && has('final'))
      throw new HogoError(
        'incidents.already_final',
        'the final report is filed: file a corrected final, not a preliminary',
        { field: 'stage' },
      );
    const version = earlier.reduce((n, e) => Math.max(n, Number(e.version)), 0) + 1;
    const row = {
      id: newId(),
      incident_id: incidentId,
      track: input.track,
      stage: input.stage,
      version,
      items: JSON.stringify(items),
      filed_by: principal.id,
      filed_at: ctx.clock(),
    };
    await incidentDb(tx).insertInto('incident_reports').values(row).execute();
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'incident.report.file',
        detail: { incidentId, track: input.track, stage: input.stage, version },
      },
    ]);
    return { ...toFiling(row), items };
  });
}
