import { useEffect } from 'react';
import { api, ApiError } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { dateTime, day, yen } from '../shared/format.ts';
import { type Lang, type PublicRequest, inLang } from '../shared/types.ts';
import { useAsync } from '../shared/use-async.ts';
import { StateBadge } from './StateBadge.tsx';
import { STRINGS } from './strings.ts';

/** The customer's requests, newest first, with due dates and fees. */
export function MyRequestList(props: {
  readonly lang: Lang;
  readonly token: string;
  readonly onOpen: (id: string) => void;
  readonly onExpired: () => void;
}) {
  const t = STRINGS[props.lang].mine;
  const list = useAsync(
    () => api<{ requests: PublicRequest[] }>('GET', '/v1/public/requests', { token: props.token }),
    [props.token],
  );
  const expired = list.error instanceof ApiError && list.error.status === 401;
  const { onExpired } = props;
  useEffect(() => {
    if (expired) onExpired();
  }, [expired, onExpired]);
  if (list.error) return <ErrorNotice message={STRINGS[props.lang].error} />;
  if (list.value === undefined) return <p>{STRINGS[props.lang].policy.loading}</p>;
  const requests = list.value.requests;
  return (
    <section className="card">
      {requests.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.kind}</th>
              <th scope="col">{t.received}</th>
              <th scope="col">{t.due}</th>
              <th scope="col">{t.state}</th>
              <th scope="col" className="num">
                {t.fee}
              </th>
              <th scope="col">
                <span className="skip">{t.open}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id}>
                <td>{inLang(r.kindName, props.lang)}</td>
                <td>{dateTime(r.receivedAt, props.lang)}</td>
                <td>{day(r.dueDate, props.lang)}</td>
                <td>
                  <StateBadge lang={props.lang} state={r.state} />
                </td>
                <td className="num">
                  {r.fee.total === 0
                    ? STRINGS[props.lang].policy.free
                    : yen(r.fee.total, props.lang)}
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`${t.open}: ${inLang(r.kindName, props.lang)} ${day(r.dueDate, props.lang)}`}
                    onClick={() => props.onOpen(r.id)}
                  >
                    {t.open}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={list.reload}>
          {t.reload}
        </button>
      </div>
    </section>
  );
}
