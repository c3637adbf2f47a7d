import { dateTime } from '../shared/format.ts';
import type { DiligenceStanding } from '../shared/types.ts';

/**
 * A recipient's diligence in words and colour, as the API computed it (the status a provision
 * would be decided by); expired or missing says provision is refused.
 */
export function DiligenceBadge(props: { readonly standing: DiligenceStanding }) {
  const { status, record } = props.standing;
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
