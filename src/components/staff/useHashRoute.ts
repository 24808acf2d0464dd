import { useCallback, useEffect, useState } from 'react';

/**
 * The workspace is one static page; its views live in the URL hash (`#/<view>[/<id>][?<params>]`)
 * so links, bookmarks, Back and Forward work, and a view's filters travel with it.
 */
export interface Route {
  /** A view's name (workspace-views.tsx); '' for the home view. */
  name: string;
  /** The request of `#/request/<id>`. */
  id: string;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [name = '', id = ''] = path.split('/');
  return { name: decodeURIComponent(name), id: decodeURIComponent(id), params: new URLSearchParams(query) };
}

export function routeHash(route: { name: string; id?: string; params?: URLSearchParams }): string {
  const query = route.params?.toString() ?? '';
  return `#/${encodeURIComponent(route.name)}${route.id ? `/${encodeURIComponent(route.id)}` : ''}${query ? `?${query}` : ''}`;
}

/**
 * The current route and a navigate function. `replace`: change the URL without a history entry
 * (a view rewriting its own parameters), so Back skips it.
 */
export function useHashRoute(): [Route, (route: { name: string; id?: string; params?: URLSearchParams }, options?: { replace?: boolean }) => void] {
  const [route, setRoute] = useState<Route>(() => parseHash(typeof location === 'undefined' ? '' : location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: { name: string; id?: string; params?: URLSearchParams }, options: { replace?: boolean } = {}) => {
    const hash = routeHash(next);
    if (hash === location.hash) return;
    if (options.replace) {
      history.replaceState(history.state, '', hash);
      setRoute(parseHash(hash));
    } else {
      location.hash = hash;
    }
  }, []);
  return [route, navigate];
}
