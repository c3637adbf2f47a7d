import { useState } from 'react';
import { api } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { dateTime } from '../shared/format.ts';
import type { Me } from '../shared/types.ts';
import { useAsync } from '../shared/use-async.ts';
import { useSubmit } from '../shared/use-submit.ts';

/** An export approval as GET /v1/export-approvals lists it (SECURITY.5). */
interface ExportApproval {
  readonly id: string;
  readonly kind: string;
  readonly subject: string;
  readonly reason: string;
  readonly state: 'requested' | 'approved' | 'used';
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly approvedBy: string | null;
  readonly usedAt: string | null;
}

const KINDS = [
  { id: 'adExport', label: 'Ad export' },
  { id: 'package', label: 'Disclosure package' },
  { id: 'valuesCsv', label: 'CSV of values' },
  { id: 'anonymized', label: 'Anonymized data set' },
];

/**
 * SECURITY.5: bulk take-outs of personal values, each asked for with a reason and approved by a
 * second person before it runs (four eyes); an approval is used once.
 */
export function ApprovalsPage(props: { readonly token: string; readonly me: Me }) {
  const list = useAsync(
    () =>
      api<{ approvals: ExportApproval[] }>('GET', '/v1/export-approvals', { token: props.token }),
    [props.token],
  );
  const [kind, setKind] = useState('adExport');
  const [subject, setSubject] = useState('');
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const ask = useSubmit();
  const decide = useSubmit();
  const submit = ask.handle(async () => {
    const made = await api<ExportApproval>('POST', '/v1/export-approvals', {
      token: props.token,
      body: { kind, subject: subject.trim(), reason },
    });
    setStatus(`Approval ${made.id} asked for`);
    setSubject('');
    setReason('');
    list.reload();
  });
  const approve = (id: string) =>
    decide.handle(async () => {
      await api('POST', `/v1/export-approvals/${encodeURIComponent(id)}/approve`, {
        token: props.token,
      });
      setStatus(`Approval ${id} approved`);
      list.reload();
    });
  const mayApprove = props.me.permissions.includes('exports.approve');
  const approvals = list.value?.approvals ?? [];
  return (
    <>
      <h1>Export approvals</h1>
      <p className="lead">
        Every bulk take-out of personal values needs a second person’s approval first (SECURITY.5).
        The requester never approves their own; each approval serves one take-out.
      </p>
      {status !== null && <p role="status">{status}</p>}
      <form className="card" onSubmit={submit} aria-labelledby="ask-approval-heading">
        <h2 id="ask-approval-heading">Ask for an approval</h2>
        <div className="actions" style={{ marginTop: 0 }}>
          <div>
            <label htmlFor="a-kind">Take-out</label>
            <select id="a-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              {KINDS.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="a-subject">Subject</label>
            <input
              id="a-subject"
              required
              value={subject}
              placeholder="google, a request id, …"
              onChange={(e) => setSubject(e.target.value)}
            />
          </div>
          <div>
            <label htmlFor="a-reason">Reason</label>
            <input
              id="a-reason"
              required
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
        </div>
        <ErrorNotice message={ask.error} />
        <div className="actions">
          <button type="submit" disabled={ask.busy}>
            Ask for approval
          </button>
        </div>
      </form>
      <ErrorNotice message={list.error?.message ?? decide.error} />
      <table>
        <caption className="skip">Export approvals, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Asked</th>
            <th scope="col">Approval</th>
            <th scope="col">Take-out</th>
            <th scope="col">Reason</th>
            <th scope="col">Asked by</th>
            <th scope="col">State</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {approvals.map((a) => (
            <tr key={a.id}>
              <td>{dateTime(a.requestedAt)}</td>
              <td className="mono">{a.id}</td>
              <td>
                {KINDS.find((k) => k.id === a.kind)?.label ?? a.kind} · {a.subject}
              </td>
              <td>{a.reason}</td>
              <td>{a.requestedBy}</td>
              <td>
                {a.state === 'requested' && 'Awaiting a second person'}
                {a.state === 'approved' && `Approved by ${a.approvedBy ?? ''}`}
                {a.state === 'used' && `Used ${a.usedAt === null ? '' : dateTime(a.usedAt)}`}
              </td>
              <td>
                {a.state === 'requested' && mayApprove && a.requestedBy !== props.me.id && (
                  <form onSubmit={approve(a.id)}>
                    <button type="submit" disabled={decide.busy}>
                      Approve {a.id}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!list.loading && approvals.length === 0 && <p>No approval has been asked for.</p>}
    </>
  );
}
