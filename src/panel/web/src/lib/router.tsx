/**
 * A tiny client-side router over the History API: the panel has four pages, which does not need a
 * routing library. Links are real <a href> (keyboard, middle-click and "open in new tab" work).
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';

export type Route =
  | { page: 'queue' }
  | { page: 'login' }
  | { page: 'report'; id: string }
  | { page: 'admin' }
  | { page: 'advisories' }
  | { page: 'territory' }
  | { page: 'indicators' }
  | { page: 'account' }
  | { page: 'for-me' }
  | { page: 'templates' }
  | { page: 'access-log' }
  | { page: 'api-docs' }
  | { page: 'not-found' };

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'queue' };
  if (pathname === '/login') return { page: 'login' };
  if (pathname === '/admin') return { page: 'admin' };
  if (pathname === '/avvisi') return { page: 'advisories' };
  if (pathname === '/territorio') return { page: 'territory' };
  if (pathname === '/indicatori') return { page: 'indicators' };
  if (pathname === '/account') return { page: 'account' };
  if (pathname === '/per-me') return { page: 'for-me' };
  if (pathname === '/modelli') return { page: 'templates' };
  if (pathname === '/accessi') return { page: 'access-log' };
  if (pathname === '/documentazione-api') return { page: 'api-docs' };
  const m = /^\/reports\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname);
  if (m) return { page: 'report', id: m[1] };
  return { page: 'not-found' };
}

type Location = { pathname: string; search: string };
type RouterValue = { location: Location; route: Route; navigate(to: string, opts?: { replace?: boolean }): void };

const RouterContext = createContext<RouterValue | null>(null);

const current = (): Location => ({ pathname: window.location.pathname, search: window.location.search });

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState<Location>(current);
  useEffect(() => {
    const onPop = () => setLocation(current());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string, opts?: { replace?: boolean }) => {
    if (opts?.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    setLocation(current());
  }, []);
  const value = useMemo(() => ({ location, route: matchRoute(location.pathname), navigate }), [location, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const ctx = useContext(RouterContext);
  if (!ctx) throw new Error('useRouter outside RouterProvider');
  return ctx;
}

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { navigate } = useRouter();
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
