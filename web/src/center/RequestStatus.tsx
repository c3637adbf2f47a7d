import { api } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { dateTime, day, yen } from '../shared/format.ts';
import { type Lang, type PublicRequestDetail, inLang } from '../shared/types.ts';
import { useAsync } from '../shared/use-async.ts';
import { PackageDownload } from './PackageDownload.tsx';
import { StateBadge } from './StateBadge.tsx';
import { STRINGS } from './strings.ts';

/** One request as its customer sees it: where it stands, when, the outcome and the package. */
export function RequestStatus(props: {
  readonly lang: Lang;
  readonly token: string;
  readonly id: string;
  readonly onBack: () => void;
}) {
  const s = STRINGS[props.lang];
  const t = s.mine;
  const detail = useAsync(
    () =>
      api<PublicRequestDetail>('GET', `/v1/public/requests/${encodeURIComponent(props.id)}`, {
        token: props.token,
      }),
    [props.id, props.token],
  );
  const back = (
    <button type="button" className="secondary" onClick={props.onBack}>
      {t.back}
    </button>
  );
  if (detail.error) return <ErrorNotice message={s.error} />;
  const r = detail.value;
  if (r === undefined) return <p>{s.policy.loading}</p>;
  return (
    <>
      <section className="card" aria-labelledby="request-heading">
        <h2 id="request-heading">{inLang(r.kindName, props.lang)}</h2>
        <dl className="facts">
          <dt>{t.state}</dt>
          <dd>
            <StateBadge lang={props.lang} state={r.state} />
          </dd>
          <dt>{t.received}</dt>
          <dd>{dateTime(r.receivedAt, props.lang)}</dd>
          <dt>{t.due}</dt>
          <dd>{day(r.dueDate, props.lang)}</dd>
          <dt>{t.fee}</dt>
          <dd>{r.fee.total === 0 ? s.policy.free : yen(r.fee.total, props.lang)}</dd>
          <dt>{t.requester}</dt>
          <dd>{s.requesterTypes[r.requester.type] ?? r.requester.type}</dd>
          {r.deliveryMethod !== null && (
            <>
              <dt>{t.delivery}</dt>
              <dd>{s.deliveries[r.deliveryMethod]}</dd>
            </>
          )}
          {r.outcome !== null && (
            <>
              <dt>{t.outcome}</dt>
              <dd>
                {s.states[r.outcome.result] ?? r.outcome.result} (
                {dateTime(r.outcome.at, props.lang)})
              </dd>
            </>
          )}
          {r.outcome?.refusal && (
            <>
              <dt>{t.refusal}</dt>
              <dd>
                {inLang(r.outcome.refusal.ground, props.lang)} ({r.outcome.refusal.article})
                <br />
                {r.outcome.refusal.message}
              </dd>
            </>
          )}
        </dl>
      </section>
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{t.history}</h2>
        <ol className="history">
          {r.history.map((h, i) => (
            <li key={`${h.at}-${i}`}>
              <strong>{s.events[h.type] ?? h.type}</strong>{' '}
              <span className="hint">{dateTime(h.at, props.lang)}</span>
            </li>
          ))}
        </ol>
      </section>
      <PackageDownload lang={props.lang} token={props.token} request={r} />
      <div className="actions">
        {back}
        <button type="button" className="secondary" onClick={detail.reload}>
          {t.reload}
        </button>
      </div>
    </>
  );
}
