import { useEffect, useState } from 'react';
import { api } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { dateTime } from '../shared/format.ts';
import type { Me } from '../shared/types.ts';
import { useAsync } from '../shared/use-async.ts';
import { useSubmit } from '../shared/use-submit.ts';
import { ClassSizeChart } from './ClassSizeChart.tsx';
import { Link } from './Link.tsx';
import { navigate } from './route.ts';

/** A data set as GET /v1/anonymized-datasets/:id answers. */
interface Dataset {
  readonly id: string;
  readonly name: string;
  readonly state: 'running' | 'done' | 'failed';
  readonly phase: string;
  readonly progress: { readonly done: number; readonly total: number };
  readonly rows: number | null;
  readonly error: string | null;
  readonly createdAt: string;
  readonly report: {
    readonly steps: readonly { rule: string; title: string; columns: readonly string[] }[];
    readonly levels: Readonly<Record<string, number>>;
    readonly metrics: {
      readonly rowsIn: number;
      readonly rowsOut: number;
      readonly suppressedRows: number;
      readonly classes: number;
      readonly smallestClass: number;
      readonly discernibility: number;
      readonly averageClassSize: number;
      readonly loss: number;
      readonly highestRisk: number;
      readonly averageRisk: number;
      readonly classSizeHistogram: readonly (readonly [number, number])[];
    };
  } | null;
  readonly publication: {
    readonly items: readonly { en: string; ja?: string }[];
    readonly method: { en: string; ja?: string };
    readonly publishedAt: string;
  } | null;
}

const EXAMPLE = `name: customers-by-region
source:
  registry:
    group: REG
    categories: [birthDate, address]
    purpose: PURPOSE.REG.3
attributes:
  - { name: customer, role: linking-code }
  - { name: birthDate, role: quasi-identifier, hierarchy: { builtin: date } }
  - { name: address, role: quasi-identifier, hierarchy: { builtin: jp-address } }
privacy: { k: 5, suppressionLimit: 0.05 }
`;

/** Anonymously processed information (§7 ANONYMIZED): the data sets, and a form to make one. */
export function AnonymizedPage(props: { readonly token: string; readonly me: Me }) {
  const list = useAsync(
    () => api<{ datasets: Dataset[] }>('GET', '/v1/anonymized-datasets', { token: props.token }),
    [props.token],
  );
  const [definition, setDefinition] = useState(EXAMPLE);
  const { busy, error, handle } = useSubmit();
  const create = handle(async () => {
    const made = await api<Dataset>('POST', '/v1/anonymized-datasets', {
      token: props.token,
      body: { definition },
    });
    navigate(`/console/anonymized/${encodeURIComponent(made.id)}`);
  });
  const datasets = list.value?.datasets ?? [];
  return (
    <>
      <h1>Anonymized data sets</h1>
      <p className="lead">
        Anonymously processed information made from the registry to PPC Rule 34 (§7 ANONYMIZED):
        every item decided by the policy for the data set&apos;s purpose, the reads audited once.
      </p>
      {props.me.permissions.includes('anonymize.create') && (
        <form className="card" onSubmit={create} aria-labelledby="new-dataset-heading">
          <h2 id="new-dataset-heading">Make a data set</h2>
          <label htmlFor="d-definition">Definition (YAML)</label>
          <textarea
            id="d-definition"
            rows={14}
            className="mono"
            value={definition}
            onChange={(e) => setDefinition(e.target.value)}
          />
          <ErrorNotice message={error} />
          <div className="actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Starting…' : 'Start the job'}
            </button>
          </div>
        </form>
      )}
      <ErrorNotice message={list.error?.message ?? null} />
      <table>
        <caption className="skip">Data sets, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Created</th>
            <th scope="col">Data set</th>
            <th scope="col">State</th>
            <th scope="col" className="num">
              Rows
            </th>
            <th scope="col">Published</th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((d) => (
            <tr key={d.id}>
              <td>{dateTime(d.createdAt)}</td>
              <td>
                <Link to={`/console/anonymized/${encodeURIComponent(d.id)}`}>{d.name}</Link>
              </td>
              <td>{d.state}</td>
              <td className="num">{d.rows ?? '—'}</td>
              <td>{d.publication ? dateTime(d.publication.publishedAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!list.loading && datasets.length === 0 && <p>No data set has been made.</p>}
    </>
  );
}

/** One data set: its job's progress, then the report (histogram, levels, metrics), publication. */
export function AnonymizedDatasetPage(props: {
  readonly token: string;
  readonly me: Me;
  readonly id: string;
}) {
  const [round, setRound] = useState(0);
  const loaded = useAsync(
    () =>
      api<Dataset>('GET', `/v1/anonymized-datasets/${encodeURIComponent(props.id)}`, {
        token: props.token,
      }),
    [props.token, props.id, round],
  );
  const d = loaded.value;
  // Watch a running job: ask again every half second until it ends.
  useEffect(() => {
    if (d?.state !== 'running') return;
    const t = setTimeout(() => setRound((r) => r + 1), 500);
    return () => clearTimeout(t);
  }, [d]);
  if (d === undefined) {
    return <ErrorNotice message={loaded.error?.message ?? null} />;
  }
  const m = d.report?.metrics;
  const ratio = d.progress.total > 0 ? d.progress.done / d.progress.total : 0;
  return (
    <>
      <p>
        <Link to="/console/anonymized">All data sets</Link>
      </p>
      <h1>{d.name}</h1>
      <dl className="facts">
        <dt>State</dt>
        <dd data-testid="dataset-state">{d.state}</dd>
        <dt>Created</dt>
        <dd>{dateTime(d.createdAt)}</dd>
      </dl>
      {d.state === 'running' && (
        <div className="card">
          <label htmlFor="d-progress">
            {d.phase}: {d.progress.done} of {d.progress.total}
          </label>
          <progress id="d-progress" max={d.progress.total || 1} value={d.progress.done}>
            {Math.round(ratio * 100)} %
          </progress>
        </div>
      )}
      {d.error !== null && <ErrorNotice message={d.error} />}
      {d.report !== null && m !== undefined && (
        <>
          <h2>Class sizes</h2>
          <ClassSizeChart histogram={m.classSizeHistogram} />
          <h2>Generalization levels</h2>
          <table>
            <caption className="skip">Level chosen per quasi-identifier</caption>
            <thead>
              <tr>
                <th scope="col">Attribute</th>
                <th scope="col" className="num">
                  Level
                </th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(d.report.levels).map(([a, l]) => (
                <tr key={a}>
                  <td>{a}</td>
                  <td className="num">{l}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Metrics</h2>
          <dl className="facts">
            <dt>Rows in / out</dt>
            <dd>
              {m.rowsIn} / {m.rowsOut} ({m.suppressedRows} suppressed)
            </dd>
            <dt>Classes</dt>
            <dd>
              {m.classes}, smallest {m.smallestClass}, average {m.averageClassSize.toFixed(2)}
            </dd>
            <dt>Discernibility</dt>
            <dd>{m.discernibility}</dd>
            <dt>Loss</dt>
            <dd>{m.loss.toFixed(4)}</dd>
            <dt>Prosecutor risk</dt>
            <dd>
              highest {m.highestRisk.toFixed(4)}, average {m.averageRisk.toFixed(4)}
            </dd>
          </dl>
          <h2>Standards applied (PPC Rule 34)</h2>
          <ul>
            {d.report.steps.map((s) => (
              <li key={s.rule}>
                {s.rule} {s.title}
                {s.columns.length > 0 ? `: ${s.columns.join(', ')}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <Publication
        token={props.token}
        me={props.me}
        dataset={d}
        onPublished={() => setRound((r) => r + 1)}
      />
    </>
  );
}

function Publication(props: {
  readonly token: string;
  readonly me: Me;
  readonly dataset: Dataset;
  readonly onPublished: () => void;
}) {
  const [en, setEn] = useState('');
  const [ja, setJa] = useState('');
  const { busy, error, handle } = useSubmit();
  const d = props.dataset;
  const publish = handle(async () => {
    await api('POST', `/v1/anonymized-datasets/${encodeURIComponent(d.id)}/publish`, {
      token: props.token,
      body: { method: { en, ja } },
    });
    props.onPublished();
  });
  if (d.publication !== null) {
    return (
      <section aria-labelledby="publication-heading">
        <h2 id="publication-heading">Published {dateTime(d.publication.publishedAt)}</h2>
        <p className="hint">
          On the public policy pages, in English and Japanese (APPI Art. 43(3), 44).
        </p>
        <ul>
          {d.publication.items.map((i) => (
            <li key={i.en}>
              {i.en} / {i.ja}
            </li>
          ))}
        </ul>
        <p>
          Method of provision: {d.publication.method.en} / {d.publication.method.ja}
        </p>
      </section>
    );
  }
  if (d.state !== 'done' || !props.me.permissions.includes('anonymize.publish')) return null;
  return (
    <form className="card" onSubmit={publish} aria-labelledby="publish-heading">
      <h2 id="publish-heading">Publish</h2>
      <p className="hint">
        The items of information this data set contains are published with the method of provision
        on the public policy pages (APPI Art. 43(3), 44).
      </p>
      <label htmlFor="p-en">Method of provision (English)</label>
      <textarea id="p-en" rows={2} value={en} onChange={(e) => setEn(e.target.value)} />
      <label htmlFor="p-ja">Method of provision (Japanese)</label>
      <textarea id="p-ja" rows={2} value={ja} onChange={(e) => setJa(e.target.value)} />
      <ErrorNotice message={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Publishing…' : 'Publish'}
        </button>
      </div>
    </form>
  );
}
