import type { Lang } from '../shared/types.ts';
import { LangSwitch } from './LangSwitch.tsx';
import { STRINGS } from './strings.ts';

/** The pages of the privacy center, addressed by the URL's hash. */
export type CenterPage = 'policy' | 'request' | 'mine';

/** The bar at the top: name, the pages, the language switch. */
export function CenterHeader(props: {
  readonly lang: Lang;
  readonly page: CenterPage;
  readonly onLang: (lang: Lang) => void;
}) {
  const t = STRINGS[props.lang];
  const link = (page: CenterPage, label: string) => (
    <a href={`#${page}`} aria-current={props.page === page ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <header className="top">
      <div className="bar">
        <a className="brand" href="#policy">
          {t.title}
        </a>
        <nav className="tabs" aria-label={t.title}>
          {link('policy', t.nav.policy)}
          {link('request', t.nav.request)}
          {link('mine', t.nav.mine)}
        </nav>
        <LangSwitch lang={props.lang} onLang={props.onLang} />
      </div>
    </header>
  );
}
