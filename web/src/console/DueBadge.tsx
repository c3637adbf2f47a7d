import { daysUntil } from '../shared/format.ts';
import type { DueStatus } from '../shared/types.ts';

const LABEL: Record<DueStatus, string> = {
  overdue: 'Overdue',
  dueSoon: 'Due soon',
  onTime: 'On time',
};

/** Where a request stands against its due date, in words and colour. */
export function DueBadge(props: {
  readonly status: DueStatus;
  readonly dueAt: number;
  readonly closed: boolean;
}) {
  const days = daysUntil(props.dueAt);
  const when = props.closed
    ? ''
    : days < 0
      ? ` · ${-days} d late`
      : days === 0
        ? ' · today'
        : ` · ${days} d left`;
  return (
    <span className={`badge ${props.status}`}>
      {LABEL[props.status]}
      {when}
    </span>
  );
}
