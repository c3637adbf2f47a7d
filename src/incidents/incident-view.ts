import type { BreachDuties } from './breach-duties.ts';

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
  readonly createdBy: string;
  readonly createdAt: string;
}
