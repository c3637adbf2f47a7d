import type { BreachDuties } from './breach-duties.ts';
import type { DueStatus } from './incident-view.ts';

/** Days before a deadline from which an incident counts as due soon. */
export const DUE_SOON_DAYS = 3;

/**
 * The status against the nearest deadline still ahead or missed, `today` being YYYY-MM-DD in
 * Japan. No report is filed yet in this version, so a passed preliminary day is overdue.
 */
export function dueStatus(duties: BreachDuties, today: string): DueStatus {
  const due = duties.preliminaryDue;
  if (due === null) return 'none';
  if (today > due) return 'overdue';
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + DUE_SOON_DAYS * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return due <= soon ? 'dueSoon' : 'onTime';
}
