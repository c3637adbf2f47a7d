import { api, query } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { dateTime } from '../shared/format.ts';
import type { AdExportPage, AdExportReceipt, Me } from '../shared/types.ts';
import { usePaged } from '../shared/use-paged.ts';
import { ListTable } from './ListTable.tsx';
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
      <ListTable
        caption="Ad exports, newest first"
        columns={[
          { label: 'Created' },
          { label: 'Export' },
          { label: 'Platform' },
          { label: 'Considered', className: 'num' },
          { label: 'Included', className: 'num' },
          { label: 'Excluded', className: 'num' },
          { label: 'Files' },
        ]}
        rows={exports}
        row={(r) => (
          <tr key={r.exportId}>
            <td>{dateTime(r.createdAt)}</td>
            <td className="mono">
              <Link to={`/console/ad-exports/${encodeURIComponent(r.exportId)}`}>{r.exportId}</Link>
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
        )}
        empty="No export has been made."
        loading={list.loading}
        paged={list}
      />
    </>
  );
}
