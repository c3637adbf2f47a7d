import type { BreachDuties } from './breach-duties.ts';
import type { IncidentInput } from './record-incident.ts';
import { dueStatus, incidentDeadlines } from './due-status.ts';
import type { IncidentTables } from './incident-tables.ts';
import type { IncidentView } from './incident-view.ts';
import type { ReportFiling } from './report-filing.ts';

type Row = Pick<
  IncidentTables['incidents'],
  'id' | 'known_on' | 'persons' | 'facts' | 'duties' | 'created_by' | 'created_at'
>;

/** The Japan date of an instant, for the offset of the policy's zone ('+09:00'). */
export function japanDay(at: number, offset: string): string {
  const sign = offset.startsWith('-') ? -1 : 1;
  const ms = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
  return new Date(at + ms).toISOString().slice(0, 10);
}

/** A stored incident as the API shows it, its status taken at `now` against its filings. */
export function toIncidentView(
  row: Row,
  now: number,
  offset: string,
  filings: readonly ReportFiling[] = [],
): IncidentView {
  const duties = JSON.parse(row.duties) as BreachDuties;
  const facts = JSON.parse(row.facts) as IncidentInput;
  return {
    id: row.id,
    knownOn: row.known_on,
    persons: Number(row.persons),
    categories: facts.affected?.categories ?? [],
    duties,
    status: dueStatus(duties, japanDay(now, offset), filings),
    deadlines: incidentDeadlines(duties, filings).sort((a, b) => a.due.localeCompare(b.due)),
    filings,
    createdBy: row.created_by,
    createdAt: new Date(Number(row.created_at)).toISOString(),
  };
}
