import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { dateTime } from '../shared/format.ts';
import { useAsync } from '../shared/use-async.ts';
import { STATUS_LABEL, type Incident } from './incident-types.ts';
import { Link } from './Link.tsx';
import { navigate } from './route.ts';

/** The facts of PPC Rules Art. 7 a form records, with the people chosen by category. */
export interface IncidentFacts {
  knownOn: string;
  categories: string;
  sensitive: boolean;
  financial: boolean;
  wrongful: boolean;
  encrypted: boolean;
  secrecyOfCommunications: boolean;
}

/** The body of POST /v1/incidents from the form's facts. */
export function incidentBody(f: IncidentFacts) {
  const categories = f.categories
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  return {
    knownOn: f.knownOn,
    sensitive: f.sensitive,
    financial: f.financial,
    wrongful: f.wrongful,
    encrypted: f.encrypted,
    secrecyOfCommunications: f.secrecyOfCommunications,
    affected: categories.length > 0 ? { categories } : {},
  };
}

/** The fields of an incident's facts, shared by the record form and the triage. */
export function IncidentFactFields(props: {
  readonly facts: IncidentFacts;
  readonly onChange: (f: IncidentFacts) => void;
}) {
  const f = props.facts;
  const flag = (key: keyof IncidentFacts, label: string) => (
    <label className="check">
      <input
        type="checkbox"
        checked={f[key] as boolean}
        onChange={(e) => props.onChange({ ...f, [key]: e.target.checked })}
      />{' '}
      {label}
    </label>
  );
  return (
    <>
      <label>
        Known on (day 1)
        <input
          type="date"
          required
          value={f.knownOn}
          onChange={(e) => props.onChange({ ...f, knownOn: e.target.value })}
        />
      </label>
      <label>
        Categories affected (comma-separated; empty: every customer)
        <input
          value={f.categories}
          onChange={(e) => props.onChange({ ...f, categories: e.target.value })}
        />
      </label>
      {flag('sensitive', 'Special care-required information')}
      {flag('financial', 'Data whose misuse may cause financial damage')}
      {flag('wrongful', 'May have been caused by a wrongful act')}
      {flag('encrypted', 'Strongly encrypted, the key kept safe')}
      {flag('secrecyOfCommunications', 'Secrecy of communications concerned (TBA)')}
    </>
  );
}

export const todayInJapan = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

export const emptyFacts = (): IncidentFacts => ({
  knownOn: todayInJapan(),
  categories: '',
  sensitive: false,
  financial: false,
  wrongful: false,
  encrypted: false,
  secrecyOfCommunications: false,
});

/**
 * Recorded incidents (APPI Art. 26), overdue and due-soon first like overdue requests, and a
 * form to record one: the people are counted from the registry by category.
 */
export function IncidentsPage(props: { readonly token: string; readonly canManage: boolean }) {
  const list = useAsync(
    () => api<{ incidents: Incident[] }>('GET', '/v1/incidents', { token: props.token }),
    [props.token],
  );
  const [facts, setFacts] = useState<IncidentFacts>(emptyFacts);
  const [error, setError] = useState<string | null>(null);
  const record = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const created = await api<Incident>('POST', '/v1/incidents', {
        token: props.token,
        body: incidentBody(facts),
      });
      navigate(`/console/incidents/${encodeURIComponent(created.id)}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  const order = { overdue: 0, dueSoon: 1, onTime: 2, none: 3 } as const;
  const incidents = [...(list.value?.incidents ?? [])].sort(
    (a, b) => order[a.status] - order[b.status],
  );
  const late = incidents.filter((i) => i.status === 'overdue').length;
  const soon = incidents.filter((i) => i.status === 'dueSoon').length;
  return (
    <>
      <h1>Incidents</h1>
      <p className="lead">
        {late} overdue · {soon} due soon. Reports to the PPC (APPI Art. 26) and, for the secrecy of
        communications, to MIC (TBA Art. 28).
      </p>
      <ErrorNotice message={list.error?.message ?? null} />
      <table aria-label="Incidents">
        <thead>
          <tr>
            <th scope="col">Known on</th>
            <th scope="col">Persons</th>
            <th scope="col">Reportable</th>
            <th scope="col">Status</th>
            <th scope="col">Recorded</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((i) => (
            <tr key={i.id}>
              <td>
                <Link to={`/console/incidents/${encodeURIComponent(i.id)}`}>{i.knownOn}</Link>
              </td>
              <td>{i.persons.toLocaleString('en-US')}</td>
              <td>{i.duties.reportable ? 'yes' : 'no'}</td>
              <td>
                <span className={`badge ${i.status}`}>{STATUS_LABEL[i.status]}</span>
              </td>
              <td>{dateTime(i.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.canManage && (
        <form className="card" aria-label="Record an incident" onSubmit={record}>
          <h2>Record an incident</h2>
          <IncidentFactFields facts={facts} onChange={setFacts} />
          <ErrorNotice message={error} />
          <button type="submit">Record incident</button>
        </form>
      )}
    </>
  );
}
