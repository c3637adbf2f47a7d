import { useState } from 'react';
import { api } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { useAsync } from '../shared/use-async.ts';
import { useSubmit } from '../shared/use-submit.ts';
import type { Inspection } from './inspection-types.ts';
import { Link } from './Link.tsx';

const RESULTS = { ok: 'In order', finding: 'Finding', na: 'Not applicable' } as const;
type Result = keyof typeof RESULTS;

/** SECURITY.3: one inspection's questions, the answers given, and the follow-ups of findings. */
export function InspectionPage(props: {
  readonly token: string;
  readonly id: string;
  readonly canManage: boolean;
}) {
  const shown = useAsync(
    () =>
      api<Inspection>('GET', `/v1/inspections/${encodeURIComponent(props.id)}`, {
        token: props.token,
      }),
    [props.token, props.id],
  );
  const [questionId, setQuestionId] = useState('');
  const [result, setResult] = useState<Result>('ok');
  const [finding, setFinding] = useState('');
  const [action, setAction] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const answer = useSubmit();
  const close = useSubmit();
  const inspection = shown.value;
  const submit = answer.handle(async () => {
    const question = questionId || inspection?.questions[0]?.id || '';
    const followUps = action.trim() ? [{ action, owner, dueOn }] : [];
    await api('POST', `/v1/inspections/${encodeURIComponent(props.id)}/answers`, {
      token: props.token,
      body: {
        answers: [
          {
            questionId: question,
            result,
            ...(finding.trim() ? { finding } : {}),
            ...(followUps.length > 0 ? { followUps } : {}),
          },
        ],
      },
    });
    setStatus(`Answered ${question}`);
    setFinding('');
    setAction('');
    setOwner('');
    setDueOn('');
    shown.reload();
  });
  const closeInspection = close.handle(async () => {
    await api('POST', `/v1/inspections/${encodeURIComponent(props.id)}/close`, {
      token: props.token,
    });
    setStatus('Inspection closed');
    shown.reload();
  });
  const closeFollowUp = (id: string) =>
    close.handle(async () => {
      await api('POST', `/v1/inspection-follow-ups/${encodeURIComponent(id)}/close`, {
        token: props.token,
      });
      setStatus(`Follow-up ${id} closed`);
      shown.reload();
    });
  if (inspection === undefined) return <ErrorNotice message={shown.error?.message ?? null} />;
  const open = inspection.state === 'open';
  return (
    <>
      <p>
        <Link to="/console/inspections">All inspections</Link>
      </p>
      <h1>
        {inspection.title.en} · {inspection.department}
      </h1>
      <p className="lead">
        Due {inspection.dueOn}
        {inspection.overdue && <strong> · overdue</strong>} · {open ? 'open' : 'closed'}
      </p>
      {status !== null && <p role="status">{status}</p>}
      <ErrorNotice message={shown.error?.message ?? answer.error ?? close.error} />
      <table>
        <caption className="skip">Questions and answers</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Clause</th>
            <th scope="col">Answer</th>
          </tr>
        </thead>
        <tbody>
          {inspection.questions.map((q) => (
            <tr key={q.id}>
              <td>{q.text.en}</td>
              <td className="mono">{q.clause}</td>
              <td>
                {q.answer === null
                  ? 'Not answered'
                  : `${RESULTS[q.answer.result]}${q.answer.finding ? `: ${q.answer.finding}` : ''}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Follow-ups</h2>
      <table>
        <caption className="skip">Follow-ups of findings</caption>
        <thead>
          <tr>
            <th scope="col">Due</th>
            <th scope="col">Action</th>
            <th scope="col">Owner</th>
            <th scope="col">Question</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {inspection.followUps.map((f) => (
            <tr key={f.id} className={f.overdue ? 'overdue' : ''}>
              <td>
                {f.dueOn}
                {f.overdue && <strong> · overdue</strong>}
              </td>
              <td>{f.action}</td>
              <td>{f.owner}</td>
              <td className="mono">{f.questionId}</td>
              <td>
                {f.state === 'closed'
                  ? 'Closed'
                  : props.canManage && (
                      <form onSubmit={closeFollowUp(f.id)}>
                        <button type="submit" disabled={close.busy}>
                          Close follow-up
                        </button>
                      </form>
                    )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {inspection.followUps.length === 0 && <p>No follow-up.</p>}
      {open && props.canManage && (
        <>
          <form className="card" onSubmit={submit} aria-labelledby="answer-heading">
            <h2 id="answer-heading">Answer a question</h2>
            <div className="actions" style={{ marginTop: 0 }}>
              <div>
                <label htmlFor="i-question">Question</label>
                <select
                  id="i-question"
                  value={questionId}
                  onChange={(e) => setQuestionId(e.target.value)}
                >
                  {inspection.questions.map((q) => (
                    <option key={q.id} value={q.id}>
                      {q.id}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="i-result">Result</label>
                <select
                  id="i-result"
                  value={result}
                  onChange={(e) => setResult(e.target.value as Result)}
                >
                  {(Object.keys(RESULTS) as Result[]).map((r) => (
                    <option key={r} value={r}>
                      {RESULTS[r]}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="i-finding">Finding</label>
                <input
                  id="i-finding"
                  maxLength={1000}
                  value={finding}
                  required={result === 'finding'}
                  onChange={(e) => setFinding(e.target.value)}
                />
              </div>
            </div>
            <div className="actions">
              <div>
                <label htmlFor="i-action">Follow-up</label>
                <input id="i-action" value={action} onChange={(e) => setAction(e.target.value)} />
              </div>
              <div>
                <label htmlFor="i-owner">Owner</label>
                <input
                  id="i-owner"
                  value={owner}
                  required={action.trim() !== ''}
                  onChange={(e) => setOwner(e.target.value)}
                />
              </div>
              <div>
                <label htmlFor="i-due">Due</label>
                <input
                  id="i-due"
                  type="date"
                  value={dueOn}
                  required={action.trim() !== ''}
                  onChange={(e) => setDueOn(e.target.value)}
                />
              </div>
            </div>
            <div className="actions">
              <button type="submit" disabled={answer.busy}>
                Save answer
              </button>
            </div>
          </form>
          <form onSubmit={closeInspection}>
            <button type="submit" disabled={close.busy}>
              Close inspection
            </button>
          </form>
        </>
      )}
    </>
  );
}
