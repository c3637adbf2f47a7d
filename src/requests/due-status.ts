/** Where a request stands against its due date (REQUEST.TIMELY). */
export type DueStatus = 'onTime' | 'dueSoon' | 'overdue';

/** How close to the due date counts as "due soon": 3 days (72 hours) or less left. */
export const DUE_SOON_MS = 3 * 86_400_000;

/** What dueStatus reads of a request. */
export interface DueFacts {
  /** Epoch ms; the exclusive end of the due date (dueDateFor). */
  readonly dueAt: number;
  /** Epoch ms when the request was closed (notified or cancelled), else null. */
  readonly closedAt: number | null;
}

/**
 * REQUEST.TIMELY: 'overdue' once `now` reaches `dueAt` while the request is open; 'dueSoon'
 * while 72 hours or less remain; else 'onTime'. A closed request is judged at the moment it
 * closed: closed late is 'overdue' for good, closed in time is 'onTime'.
 */
export function dueStatus(request: DueFacts, now: number): DueStatus {
  const at = request.closedAt ?? now;
  if (at >= request.dueAt) return 'overdue';
  if (request.closedAt !== null) return 'onTime';
  return request.dueAt - at <= DUE_SOON_MS ? 'dueSoon' : 'onTime';
}
