import { Fragment, useState } from 'react';
import { api } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { dateTime } from '../shared/format.ts';
import type { ItemView } from '../shared/types.ts';

const COLUMNS = 8;

/**
 * A customer's items with provenance and the policy version in force when each was obtained
 * (PURPOSE.NOTIFIED); the value, or that it is withheld from this reader. A corrected item
 * keeps its first acquisition (a correction never widens use) and shows the correction's own
 * provenance beside it, and its earlier versions on demand (read from the API, audited like any read of values).
 */
export function CustomerItems(props: {
  readonly token: string;
  readonly items: readonly ItemView[];
  /** The purpose the values were read for; histories are read for it too (none: no values). */
  readonly purpose: string | null;
}) {
  const [open, setOpen] = useState<Record<string, ItemView[] | 'loading' | { error: string }>>({});
  const toggle = async (item: ItemView) => {
    if (open[item.id] !== undefined) {
      const { [item.id]: _closed, ...rest } = open;
      setOpen(rest);
      return;
    }
    setOpen((o) => ({ ...o, [item.id]: 'loading' }));
    try {
      const versions = await api<ItemView[]>(
        'GET',
        `/v1/items/${encodeURIComponent(item.id)}/history?${
          props.purpose === null ? 'values=false' : `purpose=${encodeURIComponent(props.purpose)}`
        }`,
        { token: props.token },
      );
      setOpen((o) => ({ ...o, [item.id]: versions }));
    } catch (e) {
      setOpen((o) => ({ ...o, [item.id]: { error: (e as Error).message } }));
    }
  };
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Category</th>
          <th scope="col">Value</th>
          <th scope="col">Channel</th>
          <th scope="col">Source</th>
          <th scope="col">Acquired</th>
          <th scope="col">Policy version</th>
          <th scope="col">Corrected</th>
          <th scope="col">
            <span className="sr-only">Versions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((i) => {
          const history = open[i.id];
          return (
            <Fragment key={i.id}>
              <tr>
                <td>{i.category}</td>
                <td>
                  {i.value ?? (
                    <span className="hint">
                      {i.deniedBy !== undefined
                        ? `withheld: the purpose is denied (${i.deniedBy.join(', ')})`
                        : props.purpose === null
                          ? 'withheld (name a purpose to read)'
                          : 'withheld (outside your scope)'}
                    </span>
                  )}
                </td>
                <td>{i.channel}</td>
                <td>{i.source === 'indirect' ? `indirect (${i.provider ?? '?'})` : i.source}</td>
                <td className="nowrap">{dateTime(i.acquiredAt)}</td>
                <td className="nowrap">{i.policyVersion ?? '—'}</td>
                <td>{i.correction === null ? '—' : correctionText(i.correction)}</td>
                <td className="nowrap">
                  {i.originId !== i.id && (
                    <button
                      type="button"
                      className="secondary"
                      aria-expanded={history !== undefined}
                      aria-label={`History of this ${i.category}`}
                      onClick={() => void toggle(i)}
                    >
                      {history === undefined ? 'History' : 'Hide history'}
                    </button>
                  )}
                </td>
              </tr>
              {history !== undefined && (
                <tr>
                  <td colSpan={COLUMNS}>
                    <VersionList versions={history} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

/** An item's versions, oldest first: what it said, how it was obtained, when it was replaced. */
function VersionList(props: { readonly versions: ItemView[] | 'loading' | { error: string } }) {
  const v = props.versions;
  if (v === 'loading') return <p className="hint">Loading…</p>;
  if (!Array.isArray(v)) return <ErrorNotice message={v.error} />;
  return (
    <ol className="versions" aria-label="Versions, oldest first">
      {v.map((version) => (
        <li key={version.id}>
          {version.value ?? <span className="hint">withheld</span>} — {version.channel}, acquired{' '}
          {dateTime(version.acquiredAt)}
          {version.correction !== null && <>, corrected {correctionText(version.correction)}</>},
          recorded {dateTime(version.createdAt)} by {version.createdBy}
          {version.supersededAt !== null && <> · replaced {dateTime(version.supersededAt)}</>}
        </li>
      ))}
    </ol>
  );
}

/** A correction's provenance in one line: when, by which channel, from whom, on which request. */
function correctionText(c: NonNullable<ItemView['correction']>): string {
  const from = c.source === 'indirect' ? `indirect (${c.provider ?? '?'})` : 'the customer';
  const request = c.requestId === null ? '' : `, request ${c.requestId}`;
  return `${dateTime(c.at)} · ${c.channel} · from ${from}${request}`;
}
