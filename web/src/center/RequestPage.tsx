import { useState } from 'react';
import { api, ApiError } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { day } from '../shared/format.ts';
import type { Lang, PublicRequest, RequestKindView } from '../shared/types.ts';
import type { RequestDraft } from './request-draft.ts';
import { RequestForm } from './RequestForm.tsx';
import type { RequesterSession } from './requester-session.ts';
import { Steps } from './Steps.tsx';
import { STRINGS } from './strings.ts';
import { VerifyForm } from './VerifyForm.tsx';

/** Filing a request: the form, the one-time code when needed, then the receipt. */
export function RequestPage(props: {
  readonly lang: Lang;
  readonly kinds: readonly RequestKindView[];
  readonly session: RequesterSession | null;
  readonly onSession: (session: RequesterSession | null) => void;
}) {
  const t = STRINGS[props.lang].form;
  const [draft, setDraft] = useState<RequestDraft | null>(null);
  const [step, setStep] = useState<0 | 1 | 2>(0);
  const [filed, setFiled] = useState<PublicRequest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const file = async (d: RequestDraft, session: RequesterSession) => {
    setBusy(true);
    setError(null);
    try {
      setFiled(
        await api<PublicRequest>('POST', '/v1/public/requests', { token: session.token, body: d }),
      );
      setStep(2);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        props.onSession(null);
        setStep(1);
      } else {
        setError(e instanceof ApiError ? e.message : STRINGS[props.lang].error);
        setStep(0);
      }
    } finally {
      setBusy(false);
    }
  };

  const submitDraft = (d: RequestDraft) => {
    setDraft(d);
    if (props.session !== null) void file(d, props.session);
    else setStep(1);
  };

  return (
    <>
      <h1>{t.heading}</h1>
      <p className="lead">{t.lead}</p>
      <Steps labels={t.steps} current={step} />
      <ErrorNotice message={error} />
      {step === 0 && (
        <section className="card">
          <RequestForm
            lang={props.lang}
            kinds={props.kinds}
            initial={draft}
            busy={busy}
            submitLabel={props.session !== null ? t.submit : t.next}
            onSubmit={submitDraft}
          />
        </section>
      )}
      {step === 1 && (
        <VerifyForm
          lang={props.lang}
          onVerified={(session) => {
            props.onSession(session);
            void file(draft!, session);
          }}
        />
      )}
      {step === 2 && filed !== null && (
        <section className="card" aria-live="polite">
          <p className="notice ok" role="status">
            {t.filed}
          </p>
          <p>{t.filedDetail(day(filed.dueDate, props.lang))}</p>
          <div className="actions">
            <a className="button" href="#mine">
              {t.toMine}
            </a>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setDraft(null);
                setFiled(null);
                setStep(0);
              }}
            >
              {t.another}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
