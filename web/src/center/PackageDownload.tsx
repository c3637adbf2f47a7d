import { useState } from 'react';
import { download } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import type { Lang, PublicRequestDetail } from '../shared/types.ts';
import { STRINGS } from './strings.ts';

/** The package of a fulfilled disclosure, as a readable page or as JSON. */
export function PackageDownload(props: {
  readonly lang: Lang;
  readonly token: string;
  readonly request: PublicRequestDetail;
}) {
  const s = STRINGS[props.lang];
  const [error, setError] = useState<string | null>(null);
  if (!props.request.deliversPackage) return null;
  const get = (format: 'html' | 'json') => {
    setError(null);
    download(
      `/v1/public/requests/${encodeURIComponent(props.request.id)}/package?format=${format}`,
      props.token,
      `package-${props.request.id}.${format}`,
    ).catch(() => setError(s.error));
  };
  return (
    <section className="card" aria-labelledby="package-heading">
      <h2 id="package-heading">{s.mine.packageHeading}</h2>
      {props.request.packageAvailable ? (
        <>
          <p>{s.mine.packageLead}</p>
          <div className="actions">
            <button type="button" onClick={() => get('html')}>
              {s.mine.downloadHtml}
            </button>
            <button type="button" className="secondary" onClick={() => get('json')}>
              {s.mine.downloadJson}
            </button>
          </div>
        </>
      ) : (
        <p>{s.mine.noPackage}</p>
      )}
      <ErrorNotice message={error} />
    </section>
  );
}
