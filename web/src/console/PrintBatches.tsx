import { useState } from 'react';
import { api, ApiError, download } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { dateTime } from '../shared/format.ts';
import type { PrintBatchView } from '../shared/types.ts';
import { useAsync } from '../shared/use-async.ts';

/**
 * Letters by post for the mail house: gather the queued ones into a batch, and download a
 * batch as one PDF (audited; its letters count as sent from then on).
 */
export function PrintBatches(props: { readonly token: string; readonly onChange: () => void }) {
  const [version, setVersion] = useState(0);
  const list = useAsync(
    () => api<{ batches: PrintBatchView[] }>('GET', '/v1/print-batches', { token: props.token }),
    [props.token, version],
  );
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = async (work: () => Promise<void>) => {
    setError(null);
    setMessage(null);
    try {
      await work();
      setVersion((v) => v + 1);
      props.onChange();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const create = () =>
    act(async () => {
      const made = await api<PrintBatchView | null>('POST', '/v1/print-batches', {
        token: props.token,
        body: {},
      });
      setMessage(
        made === null ? 'No letters by post are queued.' : `Batch of ${made.letters} letters made.`,
      );
    });
  const take = (id: string) =>
    act(() =>
      download(
        `/v1/print-batches/${encodeURIComponent(id)}/pdf`,
        props.token,
        `print-batch-${id}.pdf`,
      ),
    );
  const batches = list.value?.batches ?? [];
  return (
    <section aria-labelledby="print-batches-heading">
      <h2 id="print-batches-heading">Print batches</h2>
      <p className="hint">
        Letters by post leave as one PDF for the mail house; downloading it is recorded in the audit
        log and marks its letters sent.
      </p>
      <ErrorNotice message={list.error?.message ?? error} />
      {message && <p role="status">{message}</p>}
      <button type="button" onClick={() => void create()}>
        Make a print batch
      </button>
      {batches.length > 0 && (
        <table aria-label="Print batches">
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">Letters</th>
              <th scope="col">Taken</th>
              <th scope="col">
                <span className="skip">Download</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <tr key={b.id}>
                <td>{dateTime(b.createdAt)}</td>
                <td>{b.letters}</td>
                <td>{b.takenAt ? `${dateTime(b.takenAt)} by ${b.takenBy ?? ''}` : 'not yet'}</td>
                <td>
                  <button type="button" className="secondary" onClick={() => void take(b.id)}>
                    Download PDF
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
