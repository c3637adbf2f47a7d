import { api, ApiError } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import type { AdExportReceipt } from '../shared/types.ts';
import { useAsync } from '../shared/use-async.ts';
import { AdReceipt } from './AdReceipt.tsx';
import { Link } from './Link.tsx';

/** One ad export's receipt (GET /v1/ads/exports/:id). */
export function AdExportPage(props: { readonly token: string; readonly id: string }) {
  const receipt = useAsync(
    () =>
      api<AdExportReceipt>('GET', `/v1/ads/exports/${encodeURIComponent(props.id)}`, {
        token: props.token,
      }),
    [props.id, props.token],
  );
  const missing = receipt.error instanceof ApiError && receipt.error.status === 404;
  return (
    <>
      <p>
        <Link to="/console/ad-exports">← All ad exports</Link>
      </p>
      <h1>Ad export</h1>
      {missing && (
        <p className="notice info" role="status">
          No export with the ID {props.id}.
        </p>
      )}
      {!missing && <ErrorNotice message={receipt.error?.message ?? null} />}
      {receipt.value && <AdReceipt receipt={receipt.value} />}
    </>
  );
}
