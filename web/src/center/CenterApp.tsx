import { useEffect, useState } from 'react';
import { api } from '../shared/api.ts';
import type { Lang, PolicyView } from '../shared/types.ts';
import { useAsync } from '../shared/use-async.ts';
import { CenterHeader, type CenterPage } from './CenterHeader.tsx';
import { MyRequestsPage } from './MyRequestsPage.tsx';
import { PolicyPage } from './PolicyPage.tsx';
import { RequestPage } from './RequestPage.tsx';
import { loadSession, saveSession, type RequesterSession } from './requester-session.ts';
import { STRINGS } from './strings.ts';

const pageOfHash = (): CenterPage => {
  const h = window.location.hash.replace(/^#\/?/, '');
  return h === 'request' || h === 'mine' ? h : 'policy';
};

const initialLang = (): Lang => {
  const stored = localStorage.getItem('hogo.lang');
  if (stored === 'en' || stored === 'ja') return stored;
  return navigator.language.startsWith('en') ? 'en' : 'ja';
};

/** The privacy center: the policy, request forms, and the customer's own requests. */
export function CenterApp() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [page, setPage] = useState<CenterPage>(pageOfHash);
  const [session, setSession] = useState<RequesterSession | null>(loadSession);
  const policy = useAsync(() => api<PolicyView>('GET', '/v1/policy'), []);
  const t = STRINGS[lang];

  useEffect(() => {
    const onHash = () => setPage(pageOfHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.title;
    localStorage.setItem('hogo.lang', lang);
  }, [lang, t.title]);

  const changeSession = (s: RequesterSession | null) => {
    saveSession(s);
    setSession(s);
  };
  const kinds = policy.value?.requestKinds ?? [];

  return (
    <>
      <a className="skip" href="#content">
        {t.skip}
      </a>
      <CenterHeader lang={lang} page={page} onLang={setLang} />
      <main id="content" tabIndex={-1}>
        {page === 'policy' && <PolicyPage lang={lang} kinds={kinds} />}
        {page === 'request' && (
          <RequestPage lang={lang} kinds={kinds} session={session} onSession={changeSession} />
        )}
        {page === 'mine' && (
          <MyRequestsPage lang={lang} session={session} onSession={changeSession} />
        )}
      </main>
      <footer className="foot">{t.footer}</footer>
    </>
  );
}
