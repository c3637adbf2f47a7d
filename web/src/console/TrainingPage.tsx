import { useState } from 'react';
import { api } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import type { Localized } from '../shared/types.ts';
import { useAsync } from '../shared/use-async.ts';
import { useSubmit } from '../shared/use-submit.ts';

/** GET /v1/training (SECURITY.4). */
interface TrainingOverview {
  readonly clause: string;
  readonly enforce: boolean;
  readonly withhold: readonly string[];
  readonly courses: readonly { readonly id: string; readonly title: Localized }[];
  readonly users: readonly {
    readonly id: string;
    readonly name: string;
    readonly role: string;
    readonly disabled: boolean;
    readonly courses: readonly {
      readonly courseId: string;
      readonly title: Localized;
      readonly completedOn: string | null;
      readonly validUntil: string | null;
      readonly state: 'never' | 'lapsed' | 'valid';
    }[];
  }[];
}

/** Today in Japan, the day a completion form starts on. */
const todayInJapan = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

/**
 * SECURITY.4: each staff user's required courses — never completed, lapsed, or valid until a
 * day — and a form to record a completion. A lapsed user reads no personal values.
 */
export function TrainingPage(props: { readonly token: string }) {
  const shown = useAsync(
    () => api<TrainingOverview>('GET', '/v1/training', { token: props.token }),
    [props.token],
  );
  const [userId, setUserId] = useState('');
  const [courseId, setCourseId] = useState('');
  const [completedOn, setCompletedOn] = useState(todayInJapan);
  const [status, setStatus] = useState<string | null>(null);
  const record = useSubmit();
  const overview = shown.value;
  const submit = record.handle(async () => {
    const user = userId || overview?.users[0]?.id || '';
    const course = courseId || overview?.courses[0]?.id || '';
    await api('POST', '/v1/training/completions', {
      token: props.token,
      body: { userId: user, courseId: course, completedOn },
    });
    const name = overview?.users.find((u) => u.id === user)?.name ?? user;
    setStatus(`Recorded ${course} for ${name}`);
    shown.reload();
  });
  return (
    <>
      <h1>Training</h1>
      <p className="lead">
        Staff hold the courses their role requires (SECURITY.4)
        {overview?.enforce === true &&
          `; while one has lapsed, ${overview.withhold.join(', ')} is withheld`}
        .
      </p>
      {status !== null && <p role="status">{status}</p>}
      <ErrorNotice message={shown.error?.message ?? null} />
      <table>
        <caption className="skip">Staff training status</caption>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Role</th>
            <th scope="col">Course</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {(overview?.users ?? []).flatMap((u) =>
            u.courses.length === 0
              ? [
                  <tr key={u.id}>
                    <td>{u.name}</td>
                    <td>{u.role}</td>
                    <td colSpan={2}>No course required</td>
                  </tr>,
                ]
              : u.courses.map((c) => (
                  <tr
                    key={`${u.id}/${c.courseId}`}
                    className={c.state === 'valid' ? '' : 'overdue'}
                  >
                    <td>{u.name}</td>
                    <td>{u.role}</td>
                    <td>{c.title.en}</td>
                    <td>
                      {c.state === 'never' && 'Never completed'}
                      {c.state === 'lapsed' && `Lapsed after ${c.validUntil ?? ''}`}
                      {c.state === 'valid' && `Valid until ${c.validUntil ?? ''}`}
                    </td>
                  </tr>
                )),
          )}
        </tbody>
      </table>
      <form className="card" onSubmit={submit} aria-labelledby="record-training-heading">
        <h2 id="record-training-heading">Record a completion</h2>
        <div className="actions" style={{ marginTop: 0 }}>
          <div>
            <label htmlFor="t-user">User</label>
            <select id="t-user" value={userId} onChange={(e) => setUserId(e.target.value)}>
              {(overview?.users ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="t-course">Course</label>
            <select id="t-course" value={courseId} onChange={(e) => setCourseId(e.target.value)}>
              {(overview?.courses ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title.en}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="t-on">Completed on</label>
            <input
              id="t-on"
              type="date"
              required
              value={completedOn}
              onChange={(e) => setCompletedOn(e.target.value)}
            />
          </div>
        </div>
        <ErrorNotice message={record.error} />
        <div className="actions">
          <button type="submit" disabled={record.busy}>
            Record completion
          </button>
        </div>
      </form>
    </>
  );
}
