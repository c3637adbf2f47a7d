import { useState } from 'react';
import { api, query } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { dateTime } from '../shared/format.ts';
import type { StaffRequest } from '../shared/types.ts';
import { useAsync } from '../shared/use-async.ts';
import { DueBadge } from './DueBadge.tsx';
import { ListTable } from './ListTable.tsx';
import { Link } from './Link.tsx';
import { QueueFilters, type Filters } from './QueueFilters.tsx';
import { useKinds } from './use-kinds.ts';

/** The request queue, earliest due first, overdue and due-soon rows highlighted. */
export function QueuePage(props: { readonly token: string }) {
  const [filters, setFilters] = useState<Filters>({ state: '', kind: '', due: '' });
  const { kinds, nameOf } = useKinds();
  const list = useAsync(
    () =>
      api<{ requests: StaffRequest[] }>('GET', `/v1/requests${query({ ...filters, limit: 200 })}`, {
        token: props.token,
      }),
    [filters.state, filters.kind, filters.due, props.token],
  );
  const requests = list.value?.requests ?? [];
  return (
    <>
      <h1>Requests</h1>
      <p className="lead">Earliest due first (REQUEST.TIMELY).</p>
      <section className="card">
        <QueueFilters value={filters} kinds={kinds} onChange={setFilters} />
      </section>
      <ErrorNotice message={list.error?.message ?? null} />
      <ListTable
        label="Request queue"
        busy={list.loading}
        columns={[
          { label: 'Due' },
          { label: 'Kind' },
          { label: 'State' },
          { label: 'Received' },
          { label: 'Channel' },
          { label: 'Fee', className: 'num' },
          { label: 'Request' },
        ]}
        rows={requests}
        row={(r) => (
          <tr key={r.id} className={r.dueStatus} data-state={r.state}>
            <td>
              {r.dueDate}{' '}
              <DueBadge
                status={r.dueStatus ?? 'onTime'}
                dueAt={r.dueAt}
                closed={r.state === 'notified' || r.state === 'cancelled'}
              />
            </td>
            <td>{nameOf(r.kind)}</td>
            <td>
              <span className="badge state">{r.state}</span>
            </td>
            <td>{dateTime(r.receivedAt)}</td>
            <td>{r.channel}</td>
            <td className="num">¥{r.fee.total.toLocaleString('ja-JP')}</td>
            <td>
              <Link to={`/console/requests/${encodeURIComponent(r.id)}`} className="mono">
                {r.id}
              </Link>
            </td>
          </tr>
        )}
        empty="No requests match."
        loading={list.loading}
      />
    </>
  );
}
