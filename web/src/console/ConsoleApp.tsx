import { useEffect, useState } from 'react';
import { api, ApiError } from '../shared/api.ts';
import type { Me } from '../shared/types.ts';
import { useAsync } from '../shared/use-async.ts';
import { AdExportPage } from './AdExportPage.tsx';
import { AdExportsPage } from './AdExportsPage.tsx';
import { AnonymizedDatasetPage, AnonymizedPage } from './AnonymizedPage.tsx';
import { AnonymousViolationPage } from './AnonymousViolationPage.tsx';
import { ApprovalsPage } from './ApprovalsPage.tsx';
import { CountriesPage } from './CountriesPage.tsx';
import { TrainingPage } from './TrainingPage.tsx';
import { InspectionPage } from './InspectionPage.tsx';
import { InspectionsPage } from './InspectionsPage.tsx';
import { AuditPage } from './AuditPage.tsx';
import { ConsoleNav } from './ConsoleNav.tsx';
import { CustomerPage } from './CustomerPage.tsx';
import { FamilyCallPage } from './FamilyCallPage.tsx';
import { IncidentPage } from './IncidentPage.tsx';
import { IncidentsPage } from './IncidentsPage.tsx';
import { LedgerPage } from './LedgerPage.tsx';
import { LoginForm } from './LoginForm.tsx';
import { OutboxPage } from './OutboxPage.tsx';
import { QueuePage } from './QueuePage.tsx';
import { RecipientPage } from './RecipientPage.tsx';
import { RecipientsPage } from './RecipientsPage.tsx';
import { RequestPage } from './RequestPage.tsx';
import { useRoute } from './route.ts';
import { ViolationsPage } from './ViolationsPage.tsx';
import { loadStaffToken, saveStaffToken } from './staff-session.ts';

/** The staff console: sign in, then the request queue and the pages beside it. */
export function ConsoleApp() {
  const [token, setToken] = useState<string | null>(loadStaffToken);
  const route = useRoute();
  const me = useAsync(
    () => (token === null ? Promise.resolve(null) : api<Me>('GET', '/v1/me', { token })),
    [token],
  );
  useEffect(() => {
    document.title = 'hogo · staff console';
  }, []);
  const signIn = (t: string | null) => {
    saveStaffToken(t);
    setToken(t);
  };
  useEffect(() => {
    if (me.error instanceof ApiError && me.error.status === 401) signIn(null);
  }, [me.error]);

  // SECURITY.3: staff without an account report here, signed in or not.
  if (route.name === 'anonymousViolation') return <AnonymousViolationPage />;
  if (token === null) return <LoginForm onToken={signIn} />;
  const user = me.value;
  if (user === undefined || user === null)
    return (
      <main>
        <p>Loading…</p>
      </main>
    );
  const signOut = () => {
    void api('DELETE', '/v1/session', { token }).catch(() => undefined);
    signIn(null);
  };
  return (
    <>
      <a className="skip" href="#content">
        Skip to content
      </a>
      <ConsoleNav route={route} me={user} onSignOut={signOut} />
      <main id="content" tabIndex={-1}>
        {route.name === 'queue' && <QueuePage token={token} />}
        {route.name === 'request' && <RequestPage token={token} id={route.id} me={user} />}
        {route.name === 'customer' && <CustomerPage token={token} id={route.id} />}
        {route.name === 'family' && <FamilyCallPage token={token} />}
        {route.name === 'outbox' && <OutboxPage token={token} />}
        {route.name === 'audit' && <AuditPage token={token} />}
        {route.name === 'recipients' &&
          (route.id === null ? (
            <RecipientsPage token={token} me={user} />
          ) : (
            <RecipientPage token={token} id={route.id} me={user} />
          ))}
        {route.name === 'ledger' && (
          <LedgerPage token={token} customerId={route.customerId} recipientId={route.recipientId} />
        )}
        {route.name === 'adExports' &&
          (route.id === null ? (
            <AdExportsPage token={token} me={user} />
          ) : (
            <AdExportPage token={token} id={route.id} />
          ))}
        {route.name === 'anonymized' &&
          (route.id === null ? (
            <AnonymizedPage token={token} me={user} />
          ) : (
            <AnonymizedDatasetPage token={token} me={user} id={route.id} />
          ))}
        {route.name === 'incidents' &&
          (route.id === null ? (
            <IncidentsPage
              token={token}
              canManage={user.permissions.includes('incidents.manage')}
            />
          ) : (
            <IncidentPage
              token={token}
              id={route.id}
              canManage={user.permissions.includes('incidents.manage')}
            />
          ))}
        {route.name === 'violations' && (
          <ViolationsPage
            token={token}
            canRead={user.permissions.includes('incidents.read')}
            canManage={user.permissions.includes('incidents.manage')}
          />
        )}
        {route.name === 'approvals' && <ApprovalsPage token={token} me={user} />}
        {route.name === 'training' && <TrainingPage token={token} />}
        {route.name === 'countries' && <CountriesPage token={token} />}
        {route.name === 'inspections' &&
          (route.id === null ? (
            <InspectionsPage
              token={token}
              canManage={user.permissions.includes('inspections.manage')}
            />
          ) : (
            <InspectionPage
              token={token}
              id={route.id}
              canManage={user.permissions.includes('inspections.manage')}
            />
          ))}
      </main>
    </>
  );
}
