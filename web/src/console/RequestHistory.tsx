import { dateTime } from '../shared/format.ts';
import type { StaffRequestDetail } from '../shared/types.ts';

/** Every event of a request, with who did it and when. */
export function RequestHistory(props: { readonly events: StaffRequestDetail['events'] }) {
  return (
    <ol className="history" aria-label="History">
      {props.events.map((e) => (
        <li key={e.seq}>
          <strong>{e.type}</strong> {e.from ?? '—'} → {e.to}{' '}
          <span className="hint">
            {dateTime(e.at)} · {e.actor}
          </span>
          {e.detail !== null && Object.keys(e.detail).length > 0 && (
            <div className="hint mono">{JSON.stringify(e.detail)}</div>
          )}
        </li>
      ))}
    </ol>
  );
}
