import { useState } from 'react';
import { ApprovedDownload } from './ApprovedDownload.tsx';
import { api, ApiError } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { dateTime } from '../shared/format.ts';
import type { Me, StaffRequestDetail, TextView } from '../shared/types.ts';
import { useAsync } from '../shared/use-async.ts';
import { DueClock } from './DueClock.tsx';
import { Link } from './Link.tsx';
import { RequestActions, type Step } from './RequestActions.tsx';
import { RequestHistory } from './RequestHistory.tsx';
import { useKinds } from './use-kinds.ts';

/** A free text as the API showed it: the text, or why it is not shown. */
const textOf = (v: TextView): string =>
  v.state === 'shown'
    ? v.text
    : v.state === 'erased'
      ? '(erased with the customer)'
      : '(sealed: needs registry.readValues with every category)';

/** One request: facts, the due clock, the actions its state allows, and its history. */
export function RequestPage(props: {
  readonly token: string;
  readonly id: string;
  readonly me: Me;
}) {
  const { kinds, nameOf } = useKinds();
  const detail = useAsync(
    () =>
      api<StaffRequestDetail>('GET', `/v1/requests/${encodeURIComponent(props.id)}`, {
        token: props.token,
      }),
    [props.id, props.token],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const run = async (step: Step) => {
    setBusy(true);
    setError(null);
    setFailed(null);
    setDone(null);
    try {
      await api('POST', `/v1/requests/${encodeURIComponent(props.id)}/${step.name}`, {
        token: props.token,
        body: step.body ?? {},
      });
      setDone(`Done: ${step.name}.`);
      detail.reload();
    } catch (e) {
      setError(e instanceof ApiError ? `${e.code}: ${e.message}` : String(e));
      setFailed(step.name);
    } finally {
      setBusy(false);
    }
  };

  if (detail.error) return <ErrorNotice message={detail.error.message} />;
  const d = detail.value;
  if (d === undefined) return <p>Loading…</p>;
  const r = d.request;
  const mayDownload = d.packageAvailable && props.me.permissions.includes('registry.readValues');
  return (
    <>
      <p>
        <Link to="/console/">← Requests</Link>
      </p>
      <h1>
        {nameOf(r.kind)} <span className="badge state">{r.state}</span>
      </h1>
      <DueClock
        dueDate={r.dueDate}
        dueAt={r.dueAt}
        status={d.dueStatus}
        closedAt={r.notifiedAt ?? r.cancelled?.at ?? null}
      />
      <div className="grid2">
        <section className="card" aria-labelledby="facts-heading">
          <h2 id="facts-heading">Request</h2>
          <dl className="facts">
            <dt>ID</dt>
            <dd className="mono">{r.id}</dd>
            <dt>Customer</dt>
            <dd>
              <Link to={`/console/customers/${encodeURIComponent(r.customerId)}`} className="mono">
                {r.customerId}
              </Link>
            </dd>
            <dt>Requester</dt>
            <dd>
              {r.requester.type}
              {r.requester.authority && r.requester.evidence
                ? ` (${r.requester.authority}; ${textOf(r.requester.evidence)})`
                : ''}
            </dd>
            <dt>Channel</dt>
            <dd>{r.channel}</dd>
            <dt>Received</dt>
            <dd>{dateTime(r.receivedAt)}</dd>
            <dt>Language</dt>
            <dd>{r.lang ?? 'ja'}</dd>
            {r.deliveryMethod && (
              <>
                <dt>Delivery</dt>
                <dd>{r.deliveryMethod}</dd>
              </>
            )}
            <dt>Fee</dt>
            <dd>
              ¥{r.fee.total.toLocaleString('ja-JP')}
              {r.fee.per ? ` (${r.fee.lines} × ${r.fee.per}, tax ¥${r.fee.tax})` : ' (free)'}
              {r.payment
                ? ` — paid ¥${r.payment.amount.toLocaleString('ja-JP')} ${dateTime(r.payment.at)}`
                : ''}
            </dd>
            {r.identity && (
              <>
                <dt>Identity</dt>
                <dd>
                  {r.identity.method} · {dateTime(r.identity.at)}
                </dd>
              </>
            )}
            {r.outcome && (
              <>
                <dt>Outcome</dt>
                <dd>
                  {r.outcome.result}
                  {r.outcome.refusal
                    ? ` — ${r.outcome.refusal.reason}: ${textOf(r.outcome.refusal.message)}`
                    : ''}
                </dd>
              </>
            )}
            {r.cancelled && (
              <>
                <dt>Cancelled</dt>
                <dd>{textOf(r.cancelled.reason)}</dd>
              </>
            )}
            {r.details && (
              <>
                <dt>Customer wrote</dt>
                <dd>{textOf(r.details)}</dd>
              </>
            )}
          </dl>
        </section>
        <section className="card" aria-labelledby="actions-heading">
          <h2 id="actions-heading">Actions</h2>
          <RequestActions
            request={r}
            kind={kinds.find((k) => k.id === r.kind)}
            steps={d.steps}
            refusals={d.refusals}
            token={props.token}
            busy={busy}
            fulfilError={failed === 'fulfil' ? error : null}
            onStep={(s) => void run(s)}
          />
          <ErrorNotice message={failed === 'fulfil' ? null : error} />
          {done && (
            <p className="notice ok" role="status">
              {done}
            </p>
          )}
          {mayDownload && (
            <ApprovedDownload
              token={props.token}
              path={`/v1/requests/${encodeURIComponent(r.id)}/package?format=html`}
              fallbackName={`package-${r.id}.html`}
              label="Download package"
              onError={setError}
            />
          )}
        </section>
      </div>
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <RequestHistory events={d.events} />
      </section>
    </>
  );
}
