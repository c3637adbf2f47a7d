import type { Me } from '../shared/types.ts';
import { Link } from './Link.tsx';
import type { Route } from './route.ts';

/** The console's pages, each shown to those whose role has the permission its API needs. */
const PAGES: readonly {
  name: Route['name'];
  path: string;
  label: string;
  permission: string;
}[] = [
  { name: 'queue', path: '/console/', label: 'Requests', permission: 'requests.read' },
  { name: 'customer', path: '/console/customers', label: 'Customers', permission: 'registry.read' },
  {
    name: 'family',
    path: '/console/family-calls',
    label: 'Family caller',
    permission: 'provision.family',
  },
  { name: 'outbox', path: '/console/outbox', label: 'Outbox', permission: 'notices.read' },
  { name: 'audit', path: '/console/audit', label: 'Audit log', permission: 'audit.read' },
  {
    name: 'recipients',
    path: '/console/recipients',
    label: 'Recipients',
    permission: 'provision.read',
  },
  {
    name: 'ledger',
    path: '/console/ledger',
    label: 'Provision ledger',
    permission: 'provision.read',
  },
  {
    name: 'adExports',
    path: '/console/ad-exports',
    label: 'Ad exports',
    permission: 'provision.read',
  },
  {
    name: 'anonymized',
    path: '/console/anonymized',
    label: 'Anonymized data',
    permission: 'anonymize.read',
  },
  {
    name: 'incidents',
    path: '/console/incidents',
    label: 'Incidents',
    permission: 'incidents.read',
  },
  {
    name: 'violations',
    path: '/console/violations',
    label: 'Report a violation',
    permission: 'violations.report',
  },
  {
    name: 'approvals',
    path: '/console/approvals',
    label: 'Approvals',
    permission: 'exports.approve',
  },
  {
    name: 'inspections',
    path: '/console/inspections',
    label: 'Inspections',
    permission: 'audit.read',
  },
  {
    name: 'training',
    path: '/console/training',
    label: 'Training',
    permission: 'users.manage',
  },
  {
    name: 'countries',
    path: '/console/countries',
    label: 'Countries',
    permission: 'provision.read',
  },
];

/** The console's bar: its pages, who is signed in, sign out. */
export function ConsoleNav(props: {
  readonly route: Route;
  readonly me: Me;
  readonly onSignOut: () => void;
}) {
  const current = props.route.name === 'request' ? 'queue' : props.route.name;
  return (
    <header className="top">
      <div className="bar">
        <Link to="/console/" className="brand">
          hogo <small>staff console</small>
        </Link>
        <nav className="tabs" aria-label="Console">
          {PAGES.filter((p) => props.me.permissions.includes(p.permission)).map((p) => (
            <Link key={p.name} to={p.path} current={current === p.name}>
              {p.label}
            </Link>
          ))}
        </nav>
        <span className="hint">
          {props.me.name} ({props.me.role})
        </span>
        <button type="button" className="secondary" onClick={props.onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
