import { dateTime } from '../shared/format.ts';
import type { AdExportReceipt } from '../shared/types.ts';
import { EXCLUSION_LABELS } from './exclusion-labels.ts';

/** A table of counts by reason, with a caption. */
function Counts(props: {
  readonly caption: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly labels?: readonly { readonly id: string; readonly label: string }[];
}) {
  const known = props.labels ?? [];
  const ids = [
    ...known.map((l) => l.id),
    ...Object.keys(props.counts).filter((k) => !known.some((l) => l.id === k)),
  ];
  if (ids.length === 0) return <p>{props.caption}: none.</p>;
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Reason</th>
          <th scope="col" className="num">
            Count
          </th>
        </tr>
      </thead>
      <tbody>
        {ids.map((id) => (
          <tr key={id} data-reason={id}>
            <th scope="row">
              {known.find((l) => l.id === id)?.label ?? id} <span className="hint mono">{id}</span>
            </th>
            <td className="num">{props.counts[id] ?? 0}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The receipt of an ad export: counts by reason, files, expiry and deletion. No personal value. */
export function AdReceipt(props: { readonly receipt: AdExportReceipt }) {
  const r = props.receipt;
  const excluded = Object.values(r.customers.excluded).reduce((a, b) => a + b, 0);
  return (
    <>
      <section className="card" aria-labelledby="receipt-heading">
        <h2 id="receipt-heading">
          Receipt <span className="mono">{r.exportId}</span>
        </h2>
        <dl className="facts">
          <dt>Platform</dt>
          <dd>{r.platform}</dd>
          <dt>Purposes</dt>
          <dd className="mono">
            {Object.entries(r.purposes)
              .map(([group, purpose]) => `${group}: ${purpose}`)
              .join(' · ')}
          </dd>
          <dt>Decided at</dt>
          <dd>{dateTime(r.at)}</dd>
          <dt>Created</dt>
          <dd>{dateTime(r.createdAt)}</dd>
          <dt>Files expire</dt>
          <dd>{dateTime(r.expiresAt)}</dd>
          <dt>Files deleted</dt>
          <dd>{r.deletedAt === null ? 'Not yet' : dateTime(r.deletedAt)}</dd>
          <dt>Customers considered</dt>
          <dd data-count="considered">{r.customers.considered}</dd>
          <dt>Customers included</dt>
          <dd data-count="included">{r.customers.included}</dd>
          <dt>Customers excluded</dt>
          <dd data-count="excluded">{excluded}</dd>
          <dt>Items exported</dt>
          <dd data-count="exported">{r.items.exported}</dd>
          <dt>Ledger rows</dt>
          <dd data-count="ledgerRows">{r.ledgerRows}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="excluded-heading">
        <h2 id="excluded-heading">Exclusions</h2>
        <Counts
          caption="Customers excluded, by reason"
          counts={r.customers.excluded}
          labels={EXCLUSION_LABELS}
        />
        <Counts caption="Items denied by the policy, by reason" counts={r.items.denied} />
        <Counts
          caption="Permitted values that did not normalize, by reason"
          counts={r.items.notNormalized}
        />
      </section>
      <section className="card" aria-labelledby="files-heading">
        <h2 id="files-heading">Files</h2>
        {r.files.length === 0 ? (
          <p>No file was written.</p>
        ) : (
          <table>
            <caption className="skip">Files written</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" className="num">
                  Rows
                </th>
                <th scope="col">SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {r.files.map((f) => (
                <tr key={f.name}>
                  <td className="mono">{f.name}</td>
                  <td className="num">{f.rows}</td>
                  <td className="mono hash">{f.sha256}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
