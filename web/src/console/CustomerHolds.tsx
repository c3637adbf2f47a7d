import { useState, type FormEvent } from 'react';
import { api } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { dateTime } from '../shared/format.ts';
import type { HoldView, RetentionView } from '../shared/types.ts';
import { useAsync } from '../shared/use-async.ts';

const REASONS = ['dispute', 'litigation', 'preservationRequest', 'investigation'] as const;

/**
 * RETAIN: a customer's legal holds (place, release) and what a deletion would keep now and why,
 * as the API reads them from the policy file's duties; no rule of retention lives here.
 */
export function CustomerHolds(props: { readonly token: string; readonly customerId: string }) {
  const path = `/v1/customers/${encodeURIComponent(props.customerId)}`;
  const holds = useAsync(
    () => api<{ holds: HoldView[] }>('GET', `${path}/holds`, { token: props.token }),
    [path, props.token],
  );
  const retention = useAsync(
    () => api<RetentionView>('GET', `${path}/retention`, { token: props.token }),
    [path, props.token],
  );
  const [reason, setReason] = useState<string>('dispute');
  const [reference, setReference] = useState('');
  const [until, setUntil] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reload = () => {
    holds.reload();
    retention.reload();
  };
  const place = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api('POST', `${path}/holds`, {
        token: props.token,
        body: {
          reason,
          ...(reference !== '' ? { reference } : {}),
          ...(until !== '' ? { until: new Date(until).toISOString() } : {}),
        },
      });
      setReference('');
      setUntil('');
      reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const release = async (id: string) => {
    setError(null);
    try {
      await api('POST', `/v1/holds/${encodeURIComponent(id)}/release`, { token: props.token });
      reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <section className="card" aria-labelledby="retention-heading">
      <h2 id="retention-heading">Retention and legal holds</h2>
      <ErrorNotice message={holds.error?.message ?? retention.error?.message ?? error} />
      {retention.value && (
        <>
          <p>
            A deletion now would erase {retention.value.erasable.length} item(s)
            {retention.value.kept.length === 0 ? ' and keep nothing.' : ' and keep:'}
          </p>
          {retention.value.kept.length > 0 && (
            <ul aria-label="Kept by">
              {retention.value.kept.map((k) => (
                <li key={`${k.clause}-${k.until ?? 'open'}`}>
                  <span className="mono">{k.clause}</span>: {k.categories.join(', ')} —{' '}
                  {k.until === null ? 'while it lasts' : `until ${dateTime(k.until)}`}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <table aria-label="Legal holds">
        <thead>
          <tr>
            <th>Reason</th>
            <th>Reference</th>
            <th>Placed</th>
            <th>Until</th>
            <th>State</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(holds.value?.holds ?? []).map((h) => (
            <tr key={h.id}>
              <td>{h.reason}</td>
              <td className="mono">{h.reference ?? '—'}</td>
              <td>
                {dateTime(h.placedAt)} by {h.placedBy}
              </td>
              <td>{h.until === null ? 'until released' : dateTime(h.until)}</td>
              <td>
                {h.active
                  ? 'active'
                  : h.releasedAt
                    ? `released ${dateTime(h.releasedAt)}`
                    : 'ended'}
              </td>
              <td>
                {h.active && (
                  <button type="button" onClick={() => void release(h.id)}>
                    Release
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={(e) => void place(e)} aria-label="Place a legal hold">
        <label>
          Reason{' '}
          <select value={reason} onChange={(e) => setReason(e.target.value)}>
            {REASONS.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          Reference (case number, never a name){' '}
          <input value={reference} onChange={(e) => setReference(e.target.value)} />
        </label>{' '}
        <label>
          Until{' '}
          <input type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} />
        </label>{' '}
        <button type="submit">Place hold</button>
      </form>
    </section>
  );
}
