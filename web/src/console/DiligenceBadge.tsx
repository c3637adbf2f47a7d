import { dateTime } from '../shared/format.ts';
import type { DiligenceView } from '../shared/types.ts';
import { diligenceStatus } from './diligence-status.ts';

/** A recipient's diligence in words and colour; expired or missing says provision is refused. */
export function DiligenceBadge(props: {
  readonly required: boolean;
  readonly records: readonly DiligenceView[];
}) {
  const { status, record } = diligenceStatus(props.required, props.records);
  switch (status) {
    case 'inForce':
      return <span className="badge onTime">In force until {dateTime(record?.expiresAt)}</span>;
    case 'notRequired':
      return <span className="badge">Not required</span>;
    case 'notYet':
      return (
        <span className="badge dueSoon">
          Not yet in force · provision refused (PROVIDE.DUE_DILIGENCE)
        </span>
      );
    case 'expired':
      return (
        <span className="badge overdue">
          Expired {dateTime(record?.expiresAt)} · provision refused (PROVIDE.DUE_DILIGENCE)
        </span>
      );
    case 'missing':
      return (
        <span className="badge overdue">Missing · provision refused (PROVIDE.DUE_DILIGENCE)</span>
      );
  }
}
