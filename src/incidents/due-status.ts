import type { BreachDuties } from './breach-duties.ts';
import type { DueStatus } from './incident-view.ts';
import type { ReportFiling } from './report-filing.ts';

/** Days before a deadline from which an incident counts as due soon. */
export const DUE_SOON_DAYS = 3;

/** A deadline of an incident, and whether the report it asks for is filed. */
export interface IncidentDeadline {
  readonly track: 'ppc' | 'tba';
  readonly stage: 'preliminary' | 'final';
  /** YYYY-MM-DD, the last day. */
  readonly due: string;
  /** When it was met (the first filing of that stage), ISO 8601; null while open. */
  readonly metAt: string | null;
}

/**
 * The deadlines the duties set (PPC Rules Art. 8(1), 8(2); TBA Art. 28), each met by the first
 * filing of its track and stage. A final report filed meets the preliminary too.
 */
export function incidentDeadlines(
  duties: BreachDuties,
  filings: readonly ReportFiling[],
): IncidentDeadline[] {
  const met = (track: 'ppc' | 'tba', stage: 'preliminary' | 'final'): string | null => {
    const first = filings
      .filter((f) => f.track === track && (f.stage === stage || stage === 'preliminary'))
      .map((f) => f.filedAt)
      .sort()[0];
    return first ?? null;
  };
  const deadlines: IncidentDeadline[] = [];
  if (duties.preliminaryDue !== null)
    deadlines.push({
      track: 'ppc',
      stage: 'preliminary',
      due: duties.preliminaryDue,
      metAt: met('ppc', 'preliminary'),
    });
  if (duties.finalDue !== null)
    deadlines.push({
      track: 'ppc',
      stage: 'final',
      due: duties.finalDue,
      metAt: met('ppc', 'final'),
    });
  if (duties.telecom !== null)
    deadlines.push({
      track: 'tba',
      stage: 'final',
      due: duties.telecom.finalDue,
      metAt: met('tba', 'final'),
    });
  return deadlines;
}

/**
 * The status against the open deadlines, `today` being YYYY-MM-DD in Japan: overdue when one
 * has passed unmet, due soon when one falls within DUE_SOON_DAYS, 'none' when none is open.
 * A final report's deadline counts only once the preliminary is filed (it is the next one).
 */
export function dueStatus(
  duties: BreachDuties,
  today: string,
  filings: readonly ReportFiling[] = [],
): DueStatus {
  const all = incidentDeadlines(duties, filings).filter((d) => d.metAt === null);
  const ppcPreliminaryOpen = all.some((d) => d.track === 'ppc' && d.stage === 'preliminary');
  const open = all.filter((d) => !(d.track === 'ppc' && d.stage === 'final' && ppcPreliminaryOpen));
  if (open.length === 0) return 'none';
  if (open.some((d) => today > d.due)) return 'overdue';
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + DUE_SOON_DAYS * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return open.some((d) => d.due <= soon) ? 'dueSoon' : 'onTime';
}
