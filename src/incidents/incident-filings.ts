import type { Kysely } from 'kysely';
import { incidentDb, type IncidentTables } from './incident-tables.ts';
import type { ReportFiling, ReportStage, ReportTrack } from './report-filing.ts';

/** A stored filing as the API shows it, without its text. */
export function toFiling(r: IncidentTables['incident_reports']): ReportFiling {
  return {
    id: r.id,
    incidentId: r.incident_id,
    track: r.track as ReportTrack,
    stage: r.stage as ReportStage,
    version: Number(r.version),
    filedBy: r.filed_by,
    filedAt: new Date(Number(r.filed_at)).toISOString(),
  };
}

/** The filings of these incidents, oldest first, by incident id. */
export async function filingsOf(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  incidentIds: readonly string[],
): Promise<Map<string, ReportFiling[]>> {
  const byIncident = new Map<string, ReportFiling[]>(incidentIds.map((id) => [id, []]));
  if (incidentIds.length === 0) return byIncident;
  const rows = await incidentDb(db)
    .selectFrom('incident_reports')
    .selectAll()
    .where('incident_id', 'in', incidentIds)
    .orderBy('filed_at')
    .orderBy('version')
    .execute();
  for (const r of rows) byIncident.get(r.incident_id)?.push(toFiling(r));
  return byIncident;
}
