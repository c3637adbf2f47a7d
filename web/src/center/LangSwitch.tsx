import type { Lang } from '../shared/types.ts';
import { STRINGS } from './strings.ts';

/** English / 日本語: two toggle buttons. */
export function LangSwitch(props: { readonly lang: Lang; readonly onLang: (lang: Lang) => void }) {
  return (
    <div className="lang-switch" role="group" aria-label={STRINGS[props.lang].language}>
      <button
        type="button"
        lang="en"
        aria-pressed={props.lang === 'en'}
        onClick={() => props.onLang('en')}
      >
        English
      </button>
      <button
        type="button"
        lang="ja"
        aria-pressed={props.lang === 'ja'}
        onClick={() => props.onLang('ja')}
      >
        日本語
      </button>
    </div>
  );
}
