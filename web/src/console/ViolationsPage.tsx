import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { dateTime } from '../shared/format.ts';
import { useAsync } from '../shared/use-async.ts';
import {
  emptyFacts,
  IncidentFactFields,
  incidentBody,
  type IncidentFacts,
} from './IncidentsPage.tsx';
import type { Violation } from './incident-types.ts';
import { Link } from './Link.tsx';

/** The privacy officer's decision on one open report: an incident, or closed with a reason. */
function Triage(props: {
  readonly token: string;
  readonly violation: Violation;
  readonly onDone: () => void;
}) {
  const [facts, setFacts] = useState<IncidentFacts>(emptyFacts);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const triage = async (body: unknown) => {
    setError(null);
    try {
      await api('POST', `/v1/violations/${encodeURIComponent(props.violation.id)}/triage`, {
        token: props.token,
        body,
      });
      props.onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <div className="card">
      <form
        aria-label="Turn into an incident"
        onSubmit={(e) => {
          e.preventDefault();
          void triage({ action: 'incident', incident: incidentBody(facts) });
        }}
      >
        <IncidentFactFields facts={facts} onChange={setFacts} />
        <button type="submit">Turn into an incident</button>
      </form>
      <form
        aria-label="Close the report"
        onSubmit={(e) => {
          e.preventDefault();
          void triage({ action: 'close', reason });
        }}
      >
        <label>
          Reason for closing
          <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="submit" className="secondary">
          Close
        </button>
      </form>
      <ErrorNotice message={error} />
    </div>
  );
}

/**
 * Suspected violations of the rules (SECURITY.3): any staff user reports one here; privacy
 * officers see the queue, open reports first, and triage each.
 */
export function ViolationsPage(props: {
  readonly token: string;
  readonly canRead: boolean;
  readonly canManage: boolean;
}) {
  const [round, setRound] = useState(0);
  const queue = useAsync(
    () =>
      props.canRead
        ? api<{ violations: Violation[] }>('GET', '/v1/violations', { token: props.token })
        : Promise.resolve({ violations: [] }),
    [props.token, props.canRead, round],
  );
  const [summary, setSummary] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const report = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const v = await api<Violation>('POST', '/v1/violations', {
        token: props.token,
        body: { summary },
      });
      setSummary('');
      setDone(`Reported, reference ${v.id}.`);
      setRound((r) => r + 1);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <>
      <h1>Violation reports</h1>
      <p className="lead">
        Colleagues without an account can report anonymously at{' '}
        <a href="/console/violations/anonymous">/console/violations/anonymous</a>.
      </p>
      <form className="card" aria-label="Report a suspected violation" onSubmit={report}>
        <label>
          What is suspected (what happened, where, when; no one’s address or number)
          <textarea required value={summary} onChange={(e) => setSummary(e.target.value)} />
        </label>
        <ErrorNotice message={error} />
        <button type="submit">Report</button>
        {done && <p role="status">{done}</p>}
      </form>
      {props.canRead && (
        <table aria-label="Violation reports">
          <thead>
            <tr>
              <th scope="col">Reported</th>
              <th scope="col">By</th>
              <th scope="col">Summary</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="skip">Triage</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(queue.value?.violations ?? []).map((v) => (
              <tr key={v.id}>
                <td>{dateTime(v.createdAt)}</td>
                <td>{v.anonymous ? 'anonymous' : v.reportedBy}</td>
                <td>{v.summary}</td>
                <td>
                  {v.status === 'incident' && v.incidentId ? (
                    <Link to={`/console/incidents/${encodeURIComponent(v.incidentId)}`}>
                      incident
                    </Link>
                  ) : v.status === 'closed' ? (
                    `closed: ${v.closeReason}`
                  ) : (
                    'open'
                  )}
                </td>
                <td>
                  {v.status === 'open' && props.canManage && (
                    <button type="button" className="secondary" onClick={() => setOpen(v.id)}>
                      Triage
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open !== null && (queue.value?.violations ?? []).some((v) => v.id === open) && (
        <Triage
          token={props.token}
          violation={queue.value!.violations.find((v) => v.id === open)!}
          onDone={() => {
            setOpen(null);
            setRound((r) => r + 1);
          }}
        />
      )}
      <ErrorNotice message={queue.error?.message ?? null} />
    </>
  );
}
