import { useCallback, useEffect, useState } from 'react';

/** The workspace is one static page; its views live in the URL hash so links and Back work. */
export type Route =
  | { name: 'home' }
  | { name: 'queue' }
  | { name: 'request'; id: string }
  | { name: 'register' }
  | { name: 'reports' }
  | { name: 'messages' }
  | { name: 'admin' };

export function parseHash(hash: string): Route {
  const [name, id] = hash.replace(/^#\/?/, '').split('/');
  if (name === 'request' && id) return { name: 'request', id: decodeURIComponent(id) };
  if (name === 'queue' || name === 'register' || name === 'reports' || name === 'messages' || name === 'admin') return { name };
  return { name: 'home' };
}

export function routeHash(route: Route): string {
  return route.name === 'request' ? `#/request/${encodeURIComponent(route.id)}` : `#/${route.name}`;
}

export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => (typeof location === 'undefined' ? { name: 'home' } : parseHash(location.hash)));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route) => {
    location.hash = routeHash(next);
  }, []);
  return [route, navigate];
}
