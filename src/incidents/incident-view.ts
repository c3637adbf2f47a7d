import type { BreachDuties } from './breach-duties.ts';
import type { IncidentDeadline } from './due-status.ts';
import type { ReportFiling } from './report-filing.ts';

/** Where an incident stands against its next deadline, as the console shows requests. */
export type DueStatus = 'overdue' | 'dueSoon' | 'onTime' | 'none';

/** A recorded incident: its facts, the people counted, the duties decided and their status. */
export interface IncidentView {
  readonly id: string;
  readonly knownOn: string;
  readonly persons: number;
  readonly categories: readonly string[];
  readonly duties: BreachDuties;
  readonly status: DueStatus;
  /** Every deadline of the PPC and TBA tracks in date order, each met or open: the timeline. */
  readonly deadlines: readonly IncidentDeadline[];
  /** The reports filed, oldest first (without their text). */
  readonly filings: readonly ReportFiling[];
  readonly createdBy: string;
  readonly createdAt: string;
}
