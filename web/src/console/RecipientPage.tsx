import { api, ApiError } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { dateTime } from '../shared/format.ts';
import type { Me, RecipientDetail } from '../shared/types.ts';
import { useAsync } from '../shared/use-async.ts';
import { DiligenceBadge } from './DiligenceBadge.tsx';
import { DiligenceForm } from './DiligenceForm.tsx';
import { Link } from './Link.tsx';
import { kindLabel, RECIPIENT_KINDS } from './recipient-kinds.ts';

/** One recipient: its particulars and every verification recorded, with a form for the next. */
export function RecipientPage(props: {
  readonly token: string;
  readonly id: string;
  readonly me: Me;
}) {
  const detail = useAsync(
    () =>
      api<RecipientDetail>('GET', `/v1/recipients/${encodeURIComponent(props.id)}`, {
        token: props.token,
      }),
    [props.id, props.token],
  );
  const missing = detail.error instanceof ApiError && detail.error.status === 404;
  const r = detail.value;
  const now = Date.now();
  return (
    <>
      <p>
        <Link to="/console/recipients">← All recipients</Link>
      </p>
      {missing && (
        <>
          <h1>Recipient</h1>
          <p className="notice info" role="status">
            No recipient with the ID {props.id}.
          </p>
        </>
      )}
      {!missing && <ErrorNotice message={detail.error?.message ?? null} />}
      {r && (
        <>
          <h1>{r.legalName}</h1>
          <section className="card" aria-labelledby="particulars-heading">
            <h2 id="particulars-heading">Particulars</h2>
            <dl className="facts">
              <dt>ID</dt>
              <dd className="mono">{r.id}</dd>
              <dt>Kind</dt>
              <dd>
                {kindLabel(r.kind)}{' '}
                <span className="hint">
                  ({RECIPIENT_KINDS.find((k) => k.id === r.kind)?.clause ?? '—'})
                </span>
              </dd>
              <dt>Address</dt>
              <dd>{r.address ?? '—'}</dd>
              <dt>Representative</dt>
              <dd>{r.representative ?? '—'}</dd>
              <dt>Country</dt>
              <dd>{r.country}</dd>
              <dt>Protection regime</dt>
              <dd>{r.protectionRegime ?? '—'}</dd>
              <dt>Record by contract</dt>
              <dd>{r.recordByContract ? 'Yes (Rule 19)' : 'No'}</dd>
              <dt>Diligence</dt>
              <dd>
                <DiligenceBadge standing={r.diligenceStatus} />
              </dd>
            </dl>
            <p>
              <Link to={`/console/ledger?recipient=${encodeURIComponent(r.id)}`}>
                Provision records to this recipient
              </Link>
            </p>
          </section>
          <section className="card" aria-labelledby="history-heading">
            <h2 id="history-heading">Diligence records</h2>
            {r.diligenceHistory.length === 0 ? (
              <p>No verification has been recorded.</p>
            ) : (
              <table>
                <caption className="skip">Diligence records, oldest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Agreement</th>
                    <th scope="col">Measures verified</th>
                    <th scope="col">Verified</th>
                    <th scope="col">Expires</th>
                    <th scope="col">By</th>
                  </tr>
                </thead>
                <tbody>
                  {r.diligenceHistory.map((d) => {
                    const expired = Date.parse(d.expiresAt) <= now;
                    return (
                      <tr key={d.id} className={expired ? 'overdue' : undefined}>
                        <td className="mono">{d.agreementReference}</td>
                        <td>
                          <ul className="plain">
                            {d.measures.map((m) => (
                              <li key={m}>{m}</li>
                            ))}
                          </ul>
                        </td>
                        <td>{dateTime(d.verifiedAt)}</td>
                        <td>
                          {dateTime(d.expiresAt)}
                          {expired && <span className="badge overdue">Expired</span>}
                        </td>
                        <td className="mono">{d.verifiedBy}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </section>
          {props.me.permissions.includes('provision.manage') && (
            <DiligenceForm token={props.token} recipientId={r.id} onRecorded={detail.reload} />
          )}
        </>
      )}
    </>
  );
}
