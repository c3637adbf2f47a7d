import { useState, type FormEvent } from 'react';
import { api, query } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { dateTime } from '../shared/format.ts';
import type { AuditEntry } from '../shared/types.ts';
import { useAsync } from '../shared/use-async.ts';

/** The hash-chained audit log, newest first, optionally about one customer. */
export function AuditPage(props: { readonly token: string }) {
  const [typed, setTyped] = useState('');
  const [customerId, setCustomerId] = useState('');
  const log = useAsync(
    () =>
      api<AuditEntry[]>('GET', `/v1/audit${query({ customerId, limit: 100 })}`, {
        token: props.token,
      }),
    [customerId, props.token],
  );
  const filter = (e: FormEvent) => {
    e.preventDefault();
    setCustomerId(typed.trim());
  };
  return (
    <>
      <h1>Audit log</h1>
      <form className="actions card" onSubmit={filter} aria-label="Filter the audit log">
        <div style={{ flex: 1 }}>
          <label htmlFor="audit-customer">About customer (ID)</label>
          <input
            id="audit-customer"
            type="text"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
        <button type="submit" style={{ alignSelf: 'flex-end' }}>
          Filter
        </button>
      </form>
      <ErrorNotice message={log.error?.message ?? null} />
      <table aria-label="Audit entries">
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">At</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Customer</th>
            <th scope="col">Decision</th>
            <th scope="col">Clauses</th>
          </tr>
        </thead>
        <tbody>
          {(log.value ?? []).map((e) => (
            <tr key={e.seq}>
              <td className="num">{e.seq}</td>
              <td>{dateTime(e.at)}</td>
              <td className="mono">{e.actor}</td>
              <td>{e.action}</td>
              <td className="mono">{e.customerId ?? '—'}</td>
              <td>{e.decision ?? '—'}</td>
              <td className="mono">{e.clauses.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
