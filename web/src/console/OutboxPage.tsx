import { useState } from 'react';
import { api, ApiError } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { dateTime } from '../shared/format.ts';
import type { NoticeView } from '../shared/types.ts';
import { useAsync } from '../shared/use-async.ts';
import { ListTable } from './ListTable.tsx';
import { Link } from './Link.tsx';
import { PrintBatches } from './PrintBatches.tsx';

/** A notice's state in words: queued, batched for print, sent, retrying or failed. */
const STATE: Record<NoticeView['status'], string> = {
  queued: 'queued',
  batched: 'in a print batch',
  sent: 'sent',
  retrying: 'retrying',
  failed: 'failed',
};

/**
 * The notices to customers, newest first, each with its channel and state; a body is read on
 * demand (audited); letters by post leave in print batches.
 */
export function OutboxPage(props: { readonly token: string }) {
  const [version, setVersion] = useState(0);
  const list = useAsync(
    () => api<{ notices: NoticeView[] }>('GET', '/v1/outbox?limit=100', { token: props.token }),
    [props.token, version],
  );
  const [open, setOpen] = useState<NoticeView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const read = async (id: string) => {
    setError(null);
    try {
      setOpen(
        await api<NoticeView>('GET', `/v1/outbox/${encodeURIComponent(id)}`, {
          token: props.token,
        }),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const notices = list.value?.notices ?? [];
  return (
    <>
      <h1>Outbox</h1>
      <p className="lead">
        Addresses are masked; opening a notice’s text is recorded in the audit log.
      </p>
      <ErrorNotice message={list.error?.message ?? error} />
      {open && (
        <section className="card" aria-labelledby="notice-heading">
          <h2 id="notice-heading">{open.subject}</h2>
          <p className="hint">
            To {open.to} · {open.channel} · {dateTime(open.createdAt)}
          </p>
          <pre className="body">{open.body}</pre>
          <button type="button" className="secondary" onClick={() => setOpen(null)}>
            Close
          </button>
        </section>
      )}
      <ListTable
        label="Notices"
        columns={[
          { label: 'Created' },
          { label: 'To' },
          { label: 'Channel' },
          { label: 'State' },
          { label: 'Kind' },
          { label: 'Subject' },
          { label: 'Sent' },
          { label: 'Request' },
          {
            label: (
              <>
                <span className="skip">Open</span>
              </>
            ),
          },
        ]}
        rows={notices}
        row={(n) => (
          <tr key={n.id}>
            <td>{dateTime(n.createdAt)}</td>
            <td className="mono">{n.to}</td>
            <td>{n.channel}</td>
            <td>{STATE[n.status]}</td>
            <td>{n.kind}</td>
            <td>{n.subject}</td>
            <td>
              {n.sentAt ? dateTime(n.sentAt) : n.failure ? `failed: ${n.failure}` : 'not sent'}
            </td>
            <td>
              {n.requestId ? (
                <Link to={`/console/requests/${encodeURIComponent(n.requestId)}`} className="mono">
                  {n.requestId}
                </Link>
              ) : (
                '—'
              )}
            </td>
            <td>
              <button type="button" className="secondary" onClick={() => void read(n.id)}>
                Read
              </button>
            </td>
          </tr>
        )}
        empty="The outbox is empty."
        loading={list.loading}
      />
      <PrintBatches token={props.token} onChange={() => setVersion((v) => v + 1)} />
    </>
  );
}
