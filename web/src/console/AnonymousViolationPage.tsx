import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';

/**
 * The anonymous violation report (SECURITY.3) for staff without an account: no sign-in, no
 * name asked, nothing kept of who sent it; the answer is a reference only. The server limits
 * how many one network may send.
 */
export function AnonymousViolationPage() {
  const [summary, setSummary] = useState('');
  const [reference, setReference] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await api<{ id: string }>('POST', '/v1/public/violations', { body: { summary } });
      setReference(r.id);
      setSummary('');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <main>
      <section className="card" style={{ maxWidth: '40rem', margin: '4rem auto' }}>
        <h1>Report a suspected violation anonymously</h1>
        <p className="lead">
          No account and no name: who sends this is not recorded. Describe what happened, where and
          when; do not write anyone’s address or number.
        </p>
        <form aria-label="Anonymous violation report" onSubmit={submit}>
          <label>
            What is suspected
            <textarea required value={summary} onChange={(e) => setSummary(e.target.value)} />
          </label>
          <ErrorNotice message={error} />
          <button type="submit">Send anonymously</button>
        </form>
        {reference && <p role="status">Received, reference {reference}.</p>}
      </section>
    </main>
  );
}
