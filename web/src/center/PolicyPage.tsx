import type { Lang, RequestKindView } from '../shared/types.ts';
import { KindsTable } from './KindsTable.tsx';
import { STRINGS } from './strings.ts';

/** The policy as published (rendered by the server from the enforced file) and the request kinds. */
export function PolicyPage(props: {
  readonly lang: Lang;
  readonly kinds: readonly RequestKindView[];
}) {
  const t = STRINGS[props.lang].policy;
  return (
    <>
      <h1>{t.heading}</h1>
      <p className="lead">{t.lead}</p>
      <section className="card" aria-labelledby="kinds-heading">
        <h2 id="kinds-heading">{t.kinds}</h2>
        {props.kinds.length === 0 ? (
          <p>{t.loading}</p>
        ) : (
          <KindsTable lang={props.lang} kinds={props.kinds} />
        )}
      </section>
      <iframe className="policy" title={t.frame} src={`/policy?lang=${props.lang}&embed=true`} />
    </>
  );
}
