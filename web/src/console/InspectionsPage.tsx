import { useState } from 'react';
import { api } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { useAsync } from '../shared/use-async.ts';
import { useSubmit } from '../shared/use-submit.ts';
import type { ScheduledInspection } from './inspection-types.ts';
import { Link } from './Link.tsx';
import { navigate } from './route.ts';

/**
 * SECURITY.3: the self-inspections due per checklist and department, overdue first (the due
 * day passed in Japan time); an open one is answered on its own page.
 */
export function InspectionsPage(props: { readonly token: string; readonly canManage: boolean }) {
  const list = useAsync(
    () =>
      api<{ inspections: ScheduledInspection[] }>('GET', '/v1/inspections', {
        token: props.token,
      }),
    [props.token],
  );
  const start = useSubmit();
  const [status, setStatus] = useState<string | null>(null);
  const begin = (s: ScheduledInspection) =>
    start.handle(async () => {
      const made = await api<{ id: string }>('POST', '/v1/inspections', {
        token: props.token,
        body: { checklistId: s.checklistId, department: s.department },
      });
      setStatus(`Inspection ${made.id} started`);
      navigate(`/console/inspections/${encodeURIComponent(made.id)}`);
    });
  const rows = list.value?.inspections ?? [];
  return (
    <>
      <h1>Self-inspections</h1>
      <p className="lead">
        Each department answers the policy file’s checklists on their schedule (SECURITY.3);
        findings get follow-ups with an owner and a due day. Overdue inspections come first.
      </p>
      {status !== null && <p role="status">{status}</p>}
      <ErrorNotice message={list.error?.message ?? start.error} />
      <table>
        <caption className="skip">Inspections due, overdue first</caption>
        <thead>
          <tr>
            <th scope="col">Due</th>
            <th scope="col">Checklist</th>
            <th scope="col">Department</th>
            <th scope="col">Last done</th>
            <th scope="col">Open follow-ups</th>
            <th scope="col">Inspection</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={`${s.checklistId}/${s.department}`} className={s.overdue ? 'overdue' : ''}>
              <td>
                {s.dueOn}
                {s.overdue && <strong> · overdue</strong>}
              </td>
              <td>
                {s.title.en} <span className="mono">({s.clause})</span>
              </td>
              <td>{s.department}</td>
              <td>{s.lastClosedDueOn ?? 'never'}</td>
              <td>
                {s.openFollowUps}
                {s.overdueFollowUps > 0 && ` (${s.overdueFollowUps} overdue)`}
              </td>
              <td>
                {s.openInspectionId !== null ? (
                  <Link to={`/console/inspections/${encodeURIComponent(s.openInspectionId)}`}>
                    Open {s.openInspectionId}
                  </Link>
                ) : (
                  props.canManage && (
                    <form onSubmit={begin(s)}>
                      <button type="submit" disabled={start.busy}>
                        Start {s.department}
                      </button>
                    </form>
                  )
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!list.loading && rows.length === 0 && <p>The policy file defines no checklist.</p>}
    </>
  );
}
