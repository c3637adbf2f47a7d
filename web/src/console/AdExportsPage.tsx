import { api, query } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { dateTime } from '../shared/format.ts';
import type { AdExportPage, AdExportReceipt, Me } from '../shared/types.ts';
import { LoadMore } from '../shared/LoadMore.tsx';
import { usePaged } from '../shared/use-paged.ts';
import { Link } from './Link.tsx';
import { navigate } from './route.ts';
import { StartExportForm } from './StartExportForm.tsx';

const PAGE = 50;

/** Ad-audience exports (§8 ADS), newest first, each opening its receipt. */
export function AdExportsPage(props: { readonly token: string; readonly me: Me }) {
  const list = usePaged<AdExportReceipt>(
    async (cursor) => {
      const page = await api<AdExportPage>(
        'GET',
        `/v1/ads/exports${query({ limit: PAGE, cursor })}`,
        { token: props.token },
      );
      return { entries: page.exports, next: page.nextCursor };
    },
    [props.token],
  );
  const exports = list.entries ?? [];
  const excluded = (r: AdExportReceipt) =>
    Object.values(r.customers.excluded).reduce((a, b) => a + b, 0);
  return (
    <>
      <h1>Ad exports</h1>
      <p className="lead">
        Hashed audiences sent to ad platforms (§8 ADS): counts and ids only, never a value.
      </p>
      {props.me.permissions.includes('provision.export') && (
        <StartExportForm
          token={props.token}
          onDone={(r) => navigate(`/console/ad-exports/${encodeURIComponent(r.exportId)}`)}
        />
      )}
      <ErrorNotice message={list.error} />
      <table>
        <caption className="skip">Ad exports, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Created</th>
            <th scope="col">Export</th>
            <th scope="col">Platform</th>
            <th scope="col" className="num">
              Considered
            </th>
            <th scope="col" className="num">
              Included
            </th>
            <th scope="col" className="num">
              Excluded
            </th>
            <th scope="col">Files</th>
          </tr>
        </thead>
        <tbody>
          {exports.map((r) => (
            <tr key={r.exportId}>
              <td>{dateTime(r.createdAt)}</td>
              <td className="mono">
                <Link to={`/console/ad-exports/${encodeURIComponent(r.exportId)}`}>
                  {r.exportId}
                </Link>
              </td>
              <td>{r.platform}</td>
              <td className="num">{r.customers.considered}</td>
              <td className="num">{r.customers.included}</td>
              <td className="num">{excluded(r)}</td>
              <td>
                {r.deletedAt !== null
                  ? `Deleted ${dateTime(r.deletedAt)}`
                  : `Expire ${dateTime(r.expiresAt)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!list.loading && exports.length === 0 && <p>No export has been made.</p>}
      <LoadMore list={list} />
    </>
  );
}
