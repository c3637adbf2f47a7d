import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';

/** Sign in with a staff name and password (POST /v1/session). */
export function LoginForm(props: { readonly onToken: (token: string) => void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await api<{ token: string }>('POST', '/v1/session', {
        body: { name: name.trim(), password },
      });
      props.onToken(session.token);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not sign in.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <main>
      <section className="card" style={{ maxWidth: '28rem', margin: '4rem auto' }}>
        <h1>hogo staff console</h1>
        <form onSubmit={submit}>
          <label htmlFor="login-name">Name</label>
          <input
            id="login-name"
            type="text"
            autoComplete="username"
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <label htmlFor="login-password">Password</label>
          <input
            id="login-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <ErrorNotice message={error} />
          <div className="actions">
            <button type="submit" disabled={busy}>
              Sign in
            </button>
          </div>
        </form>
      </section>
    </main>
  );
}
