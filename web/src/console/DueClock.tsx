import { dateTime } from '../shared/format.ts';
import type { DueStatus } from '../shared/types.ts';
import { DueBadge } from './DueBadge.tsx';

/** The due clock of a request: the date, the time left (or how late), and its status. */
export function DueClock(props: {
  readonly dueDate: string;
  readonly dueAt: number;
  readonly status: DueStatus;
  readonly closedAt: number | null;
}) {
  return (
    <div
      className={`notice ${props.status === 'overdue' ? 'error' : props.status === 'dueSoon' ? 'info' : 'ok'}`}
    >
      <strong>Due {props.dueDate}</strong> (ends {dateTime(props.dueAt)} JST){' '}
      <DueBadge status={props.status} dueAt={props.dueAt} closed={props.closedAt !== null} />
    </div>
  );
}
