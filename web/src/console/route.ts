import { useEffect, useState } from 'react';

/** A page of the console, from the path under /console/. */
export type Route =
  | { readonly name: 'queue' }
  | { readonly name: 'request'; readonly id: string }
  | { readonly name: 'customer'; readonly id: string | null }
  | { readonly name: 'family' }
  | { readonly name: 'outbox' }
  | { readonly name: 'audit' }
  | { readonly name: 'recipients'; readonly id: string | null }
  | {
      readonly name: 'ledger';
      readonly customerId: string | null;
      readonly recipientId: string | null;
    }
  | { readonly name: 'adExports'; readonly id: string | null }
  | { readonly name: 'anonymized'; readonly id: string | null }
  | { readonly name: 'incidents'; readonly id: string | null }
  | { readonly name: 'violations' }
  | { readonly name: 'anonymousViolation' }
  | { readonly name: 'approvals' }
  | { readonly name: 'inspections'; readonly id: string | null }
  | { readonly name: 'training' }
  | { readonly name: 'countries' };

/** The route a path (and its query string) names; the queue for anything else. */
export function parseRoute(pathname: string, search = ''): Route {
  const parts = pathname
    .replace(/^\/console\/?/, '')
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent);
  const [head, id] = parts;
  if (head === 'requests' && id) return { name: 'request', id };
  if (head === 'customers') return { name: 'customer', id: id ?? null };
  if (head === 'family-calls') return { name: 'family' };
  if (head === 'outbox') return { name: 'outbox' };
  if (head === 'audit') return { name: 'audit' };
  if (head === 'recipients') return { name: 'recipients', id: id ?? null };
  if (head === 'ledger') {
    const recipientId = new URLSearchParams(search).get('recipient');
    return { name: 'ledger', customerId: id ?? null, recipientId: recipientId || null };
  }
  if (head === 'ad-exports') return { name: 'adExports', id: id ?? null };
  if (head === 'anonymized') return { name: 'anonymized', id: id ?? null };
  if (head === 'incidents') return { name: 'incidents', id: id ?? null };
  if (head === 'violations' && id === 'anonymous') return { name: 'anonymousViolation' };
  if (head === 'violations') return { name: 'violations' };
  if (head === 'approvals') return { name: 'approvals' };
  if (head === 'inspections') return { name: 'inspections', id: id ?? null };
  if (head === 'training') return { name: 'training' };
  if (head === 'countries') return { name: 'countries' };
  return { name: 'queue' };
}

const EVENT = 'hogo:navigate';

/** Goes to a console path without reloading the page. */
export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(EVENT));
}

/** The current route, following pushState and the back button. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() =>
    parseRoute(window.location.pathname, window.location.search),
  );
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.pathname, window.location.search));
    window.addEventListener('popstate', update);
    window.addEventListener(EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(EVENT, update);
    };
  }, []);
  return route;
}
