import { useState } from 'react';
import { api } from '../shared/api.ts';
import type { Lang } from '../shared/types.ts';
import { MyRequestList } from './MyRequestList.tsx';
import { RequestStatus } from './RequestStatus.tsx';
import type { RequesterSession } from './requester-session.ts';
import { STRINGS } from './strings.ts';
import { VerifyForm } from './VerifyForm.tsx';

/** The customer's own requests: confirm who they are, then the list and each request. */
export function MyRequestsPage(props: {
  readonly lang: Lang;
  readonly session: RequesterSession | null;
  readonly onSession: (session: RequesterSession | null) => void;
}) {
  const t = STRINGS[props.lang];
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <h1>{t.mine.heading}</h1>
      <p className="lead">{t.mine.lead}</p>
      {props.session === null ? (
        <VerifyForm lang={props.lang} onVerified={props.onSession} />
      ) : (
        <>
          <div className="actions" style={{ marginTop: 0, marginBottom: '1rem' }}>
            <span className="hint">{t.verify.signedIn}</span>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                // The token ends on the server too: on a shared computer nothing stays usable.
                const token = props.session?.token;
                props.onSession(null);
                if (token) void api('DELETE', '/v1/public/session', { token }).catch(() => {});
              }}
            >
              {t.verify.signOut}
            </button>
          </div>
          {open === null ? (
            <MyRequestList
              lang={props.lang}
              token={props.session.token}
              onOpen={setOpen}
              onExpired={() => props.onSession(null)}
            />
          ) : (
            <RequestStatus
              lang={props.lang}
              token={props.session.token}
              id={open}
              onBack={() => setOpen(null)}
            />
          )}
        </>
      )}
    </>
  );
}
