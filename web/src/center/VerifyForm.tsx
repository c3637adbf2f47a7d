import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import type { Lang } from '../shared/types.ts';
import type { RequesterSession } from './requester-session.ts';
import { STRINGS } from './strings.ts';

/** The one-time code: an address on file, then the 6-digit code sent to it. */
export function VerifyForm(props: {
  readonly lang: Lang;
  readonly onVerified: (session: RequesterSession) => void;
}) {
  const t = STRINGS[props.lang].verify;
  const [channel, setChannel] = useState<'email' | 'phone'>('email');
  const [address, setAddress] = useState('');
  const [verificationId, setVerificationId] = useState<string | null>(null);
  const [sentBy, setSentBy] = useState<string>('email');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const explain = (e: unknown): string => {
    if (!(e instanceof ApiError)) return STRINGS[props.lang].error;
    if (e.code === 'verification.wrong_code') return t.wrong(Number(e.details.triesLeft ?? 0));
    if (e.code === 'verification.expired') return t.expired;
    if (e.code === 'verification.locked') return t.locked;
    if (e.code === 'verification.not_found') return t.notFound;
    return e.message;
  };

  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = channel === 'email' ? { email: address.trim() } : { phone: address.trim() };
      const started = await api<{ verificationId: string; channel: string }>(
        'POST',
        '/v1/public/verifications',
        { body: { ...body, lang: props.lang } },
      );
      setVerificationId(started.verificationId);
      setSentBy(started.channel);
      setCode('');
    } catch (err) {
      setError(explain(err));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const confirmed = await api<{ token: string; expiresAt: string }>(
        'POST',
        `/v1/public/verifications/${encodeURIComponent(verificationId!)}/confirm`,
        { body: { code: code.trim() } },
      );
      props.onVerified({ token: confirmed.token, expiresAt: Date.parse(confirmed.expiresAt) });
    } catch (err) {
      setError(explain(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t.heading}</h2>
      {verificationId === null ? (
        <form onSubmit={send}>
          <p>{t.lead}</p>
          <fieldset>
            <legend>{t.by}</legend>
            {(['email', 'phone'] as const).map((c) => (
              <label className="choice" key={c}>
                <input
                  type="radio"
                  name="channel"
                  checked={channel === c}
                  onChange={() => setChannel(c)}
                />
                <span>{t[c]}</span>
              </label>
            ))}
          </fieldset>
          <label htmlFor="contact">{channel === 'email' ? t.emailLabel : t.phoneLabel}</label>
          <input
            id="contact"
            type={channel === 'email' ? 'email' : 'tel'}
            autoComplete={channel === 'email' ? 'email' : 'tel'}
            required
            value={address}
            onChange={(e) => setAddress(e.target.value)}
          />
          <ErrorNotice message={error} />
          <div className="actions">
            <button type="submit" disabled={busy}>
              {t.send}
            </button>
          </div>
        </form>
      ) : (
        <form onSubmit={confirm}>
          <p className="notice info" role="status">
            {t.sent(sentBy)}
          </p>
          <label htmlFor="code">{t.code}</label>
          <input
            id="code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <ErrorNotice message={error} />
          <div className="actions">
            <button type="submit" disabled={busy}>
              {t.confirm}
            </button>
            <button type="button" className="secondary" onClick={() => setVerificationId(null)}>
              {t.again}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
