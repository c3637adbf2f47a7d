import { dateTime } from '../shared/format.ts';
import type { ProvisionRecordView } from '../shared/types.ts';
import { Link } from './Link.tsx';

/** Rows of the provision ledger: to whom, when, what, on which clause and ground, kept until. */
export function ProvisionTable(props: {
  readonly caption: string;
  readonly records: readonly ProvisionRecordView[];
}) {
  return (
    <table>
      <caption className="skip">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Provided</th>
          <th scope="col">Recipient</th>
          <th scope="col">Items</th>
          <th scope="col">Clause</th>
          <th scope="col">Ground</th>
          <th scope="col">Retention end</th>
        </tr>
      </thead>
      <tbody>
        {props.records.map((r) => (
          <tr key={r.id}>
            <td>{dateTime(r.providedAt)}</td>
            <td>
              <Link to={`/console/recipients/${encodeURIComponent(r.recipient.id)}`}>
                {r.recipient.legalName}
              </Link>{' '}
              <span className="hint">({r.recipient.country})</span>
            </td>
            <td>
              {r.itemCategories.join(', ')}{' '}
              <span className="hint">
                ({r.itemIds.length} item{r.itemIds.length === 1 ? '' : 's'})
              </span>
            </td>
            <td className="mono">{r.clause}</td>
            <td>
              <span className="mono">{r.ground}</span>
              {r.ground !== r.purpose && (
                <div className="hint">
                  Purpose: <span className="mono">{r.purpose}</span>
                </div>
              )}
              {r.legalBasis && <div className="hint">Legal basis: {r.legalBasis}</div>}
              {r.documentReference && <div className="hint">Document: {r.documentReference}</div>}
            </td>
            <td>
              {dateTime(r.retentionEnd)}
              <div className="hint">{r.statutory ? 'APPI Art. 29' : 'Policy §5'}</div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
