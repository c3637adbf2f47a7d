import { useState, type FormEvent } from 'react';
import { api, query } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { dateTime } from '../shared/format.ts';
import type { AuditEntry } from '../shared/types.ts';
import { useAsync } from '../shared/use-async.ts';
import { ListTable } from './ListTable.tsx';

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
      <ListTable
        label="Audit entries"
        columns={[
          { label: '#', className: 'num' },
          { label: 'At' },
          { label: 'Actor' },
          { label: 'Action' },
          { label: 'Customer' },
          { label: 'Decision' },
          { label: 'Clauses' },
        ]}
        rows={log.value ?? []}
        row={(e) => (
          <tr key={e.seq}>
            <td className="num">{e.seq}</td>
            <td>{dateTime(e.at)}</td>
            <td className="mono">{e.actor}</td>
            <td>{e.action}</td>
            <td className="mono">{e.customerId ?? '—'}</td>
            <td>{e.decision ?? '—'}</td>
            <td className="mono">{e.clauses.join(', ')}</td>
          </tr>
        )}
      />
    </>
  );
}
