import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { dateTime } from '../shared/format.ts';
import { useAsync } from '../shared/use-async.ts';
import {
  REPORT_ITEM_LABELS,
  STATUS_LABEL,
  type Incident,
  type ReportForm,
} from './incident-types.ts';

const TRACK = { ppc: 'PPC', tba: 'MIC (TBA Art. 28)' } as const;

/** One track's report form: the nine items of PPC Rules Art. 8(1), filed as a new version. */
function ReportEditor(props: {
  readonly token: string;
  readonly incidentId: string;
  readonly track: 'ppc' | 'tba';
  readonly canManage: boolean;
  readonly onFiled: () => void;
}) {
  const [round, setRound] = useState(0);
  const form = useAsync(
    () =>
      api<ReportForm>(
        'GET',
        `/v1/incidents/${encodeURIComponent(props.incidentId)}/reports/${props.track}`,
        { token: props.token },
      ),
    [props.token, props.incidentId, props.track, round],
  );
  const [items, setItems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (form.value) setItems({ ...form.value.items });
  }, [form.value]);
  const f = form.value;
  if (f === undefined) return <ErrorNotice message={form.error?.message ?? null} />;
  const label = `${TRACK[props.track]} ${f.nextStage} report`;
  const file = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api('POST', `/v1/incidents/${encodeURIComponent(props.incidentId)}/reports`, {
        token: props.token,
        body: { track: props.track, stage: f.nextStage, items },
      });
      setRound((r) => r + 1);
      props.onFiled();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <form className="card" aria-label={`Report to the ${TRACK[props.track]}`} onSubmit={file}>
      <h2>Report to the {TRACK[props.track]}</h2>
      <p className="hint">
        {f.versions.length === 0
          ? 'Nothing filed yet; the form is filled from the incident.'
          : `Versions filed: ${f.versions
              .map((v) => `v${v.version} ${v.stage} by ${v.filedBy} ${dateTime(v.filedAt)}`)
              .join('; ')}`}
      </p>
      {REPORT_ITEM_LABELS.map(([key, name]) => (
        <label key={key}>
          {name}
          <textarea
            value={items[key] ?? ''}
            disabled={!props.canManage}
            onChange={(e) => setItems({ ...items, [key]: e.target.value })}
          />
        </label>
      ))}
      <ErrorNotice message={error} />
      {props.canManage && <button type="submit">File the {label}</button>}
    </form>
  );
}

/**
 * One incident: its clauses, its deadlines as a timeline (met or open), the report forms of
 * the PPC and, when the secrecy of communications is concerned, MIC; and the notices to the
 * persons (PPC Rules Art. 10), sent once each.
 */
export function IncidentPage(props: {
  readonly token: string;
  readonly id: string;
  readonly canManage: boolean;
}) {
  const incident = useAsync(
    () =>
      api<Incident>('GET', `/v1/incidents/${encodeURIComponent(props.id)}`, { token: props.token }),
    [props.token, props.id],
  );
  const [lang, setLang] = useState<'en' | 'ja'>('ja');
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const i = incident.value;
  if (i === undefined) return <ErrorNotice message={incident.error?.message ?? null} />;
  const notify = async () => {
    setError(null);
    try {
      const r = await api<{
        queued: number;
        alreadyNotified: number;
        erased: number;
        noAddress: number;
      }>('POST', `/v1/incidents/${encodeURIComponent(i.id)}/notices`, {
        token: props.token,
        body: { lang },
      });
      setSent(
        `${r.queued} notices queued in the outbox; ${r.alreadyNotified} already told; not reachable: ${r.erased} erased, ${r.noAddress} without an address.`,
      );
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <>
      <h1>Incident known on {i.knownOn}</h1>
      <p className="lead">
        {i.persons.toLocaleString('en-US')} persons ·{' '}
        {i.duties.reportable ? 'Reportable' : 'Not reportable'} ·{' '}
        <span className={`badge ${i.status}`}>{STATUS_LABEL[i.status]}</span>
      </p>
      <p>Clauses: {i.duties.clauses.join(', ')}</p>
      <ol className="timeline" aria-label="Deadlines">
        <li>{i.knownOn} · known (day 1)</li>
        {i.deadlines.map((d) => (
          <li key={`${d.track}-${d.stage}`}>
            {d.due} · {TRACK[d.track]} {d.stage} report ·{' '}
            {d.metAt === null ? 'open' : `filed ${dateTime(d.metAt)}`}
          </li>
        ))}
      </ol>
      {i.duties.reportable && (
        <ReportEditor
          token={props.token}
          incidentId={i.id}
          track="ppc"
          canManage={props.canManage}
          onFiled={incident.reload}
        />
      )}
      {i.duties.telecom !== null && (
        <ReportEditor
          token={props.token}
          incidentId={i.id}
          track="tba"
          canManage={props.canManage}
          onFiled={incident.reload}
        />
      )}
      {props.canManage && (
        <section className="card" aria-label="Notices to the persons">
          <h2>Notices to the persons</h2>
          <p className="hint">
            One notice per person into the outbox (APPI Art. 26(2)); sending again adds none.
          </p>
          <label>
            Language
            <select value={lang} onChange={(e) => setLang(e.target.value as 'en' | 'ja')}>
              <option value="ja">Japanese</option>
              <option value="en">English</option>
            </select>
          </label>
          <button type="button" onClick={() => void notify()}>
            Send notices
          </button>
          {sent && <p role="status">{sent}</p>}
          <ErrorNotice message={error} />
        </section>
      )}
    </>
  );
}
