import { useState } from 'react';
import { api } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import type { Me, RecipientView } from '../shared/types.ts';
import { useAsync } from '../shared/use-async.ts';
import { DiligenceBadge } from './DiligenceBadge.tsx';
import { ListTable } from './ListTable.tsx';
import { Link } from './Link.tsx';
import { kindLabel } from './recipient-kinds.ts';
import { RecipientForm } from './RecipientForm.tsx';

/** The third parties personal information may go to, with their diligence (§5, §6, §8). */
export function RecipientsPage(props: { readonly token: string; readonly me: Me }) {
  const list = useAsync(
    () => api<RecipientView[]>('GET', '/v1/recipients', { token: props.token }),
    [props.token],
  );
  const [created, setCreated] = useState<RecipientView | null>(null);
  const recipients = list.value ?? [];
  const canManage = props.me.permissions.includes('provision.manage');
  return (
    <>
      <h1>Recipients</h1>
      <p className="lead">
        A provision to a subcontractor or a claims collector is refused unless a verification is in
        force (PROVIDE.DUE_DILIGENCE).
      </p>
      <ErrorNotice message={list.error?.message ?? null} />
      {created && (
        <p className="notice ok" role="status">
          Registered{' '}
          <Link to={`/console/recipients/${encodeURIComponent(created.id)}`}>
            {created.legalName}
          </Link>
          .
        </p>
      )}
      <ListTable
        caption="Recipients"
        columns={[
          { label: 'ID' },
          { label: 'Legal name' },
          { label: 'Kind' },
          { label: 'Country' },
          { label: 'Protection regime' },
          { label: 'Diligence' },
        ]}
        rows={recipients}
        row={(r) => (
          <tr key={r.id}>
            <td className="mono">
              <Link to={`/console/recipients/${encodeURIComponent(r.id)}`}>{r.id}</Link>
            </td>
            <td>{r.legalName}</td>
            <td>{kindLabel(r.kind)}</td>
            <td>{r.country}</td>
            <td>{r.protectionRegime ?? '—'}</td>
            <td>
              <DiligenceBadge standing={r.diligenceStatus} />
            </td>
          </tr>
        )}
        empty="No recipients are registered."
        loading={list.loading}
      />
      {canManage && (
        <RecipientForm
          token={props.token}
          onCreated={(r) => {
            setCreated(r);
            list.reload();
          }}
        />
      )}
    </>
  );
}
