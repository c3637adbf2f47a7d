import { useEffect, useState } from 'react';

/** A page of the console, from the path under /console/. */
export type Route =
  | { readonly name: 'queue' }
  | { readonly name: 'request'; readonly id: string }
  | { readonly name: 'customer'; readonly id: string | null }
  | { readonly name: 'family' }
  | { readonly name: 'outbox' }
  | { readonly name: 'audit' };

/** The route a path names; the queue for anything else. */
export function parseRoute(pathname: string): Route {
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
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', update);
    window.addEventListener(EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(EVENT, update);
    };
  }, []);
  return route;
}
