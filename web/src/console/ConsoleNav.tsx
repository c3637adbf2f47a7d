import type { Me } from '../shared/types.ts';
import { Link } from './Link.tsx';
import type { Route } from './route.ts';

const PAGES: readonly { name: Route['name']; path: string; label: string }[] = [
  { name: 'queue', path: '/console/', label: 'Requests' },
  { name: 'customer', path: '/console/customers', label: 'Customers' },
  { name: 'family', path: '/console/family-calls', label: 'Family caller' },
  { name: 'outbox', path: '/console/outbox', label: 'Outbox' },
  { name: 'audit', path: '/console/audit', label: 'Audit log' },
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
          {PAGES.map((p) => (
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
