import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

/**
 * A deliberately tiny path router (pushState + popstate). The dashboard has a flat list of pages from
 * the registry and uses query parameters for details (`/app/orders?id=ord_…`), so it needs exact path
 * matching, links, navigation and search params — not nested routes, loaders or data APIs. That is
 * ~60 lines here instead of a dependency. Every dashboard URL lives under /app, which the service
 * answers with index.html (client-side routes survive a reload).
 */
export const APP_BASE = '/app';

const NAVIGATE_EVENT = 'crossgate:navigate';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** The current location; re-renders on navigation. */
export function useLocation(): { pathname: string; search: URLSearchParams; href: string } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, search: url.searchParams, href };
}

/** The app-relative path (`/orders` for `/app/orders`). */
export function appPath(pathname: string): string {
  if (pathname === APP_BASE || pathname === `${APP_BASE}/`) return '/';
  return pathname.startsWith(`${APP_BASE}/`) ? pathname.slice(APP_BASE.length) : pathname;
}

/** Turns an app-relative path (`/orders?id=…`) into a URL (`/app/orders?id=…`). */
export function href(to: string): string {
  return to.startsWith(APP_BASE) ? to : `${APP_BASE}${to.startsWith('/') ? '' : '/'}${to}`;
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const url = href(to);
  if (url === snapshot()) return;
  if (opts.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** Sets (or, with undefined/empty, removes) query parameters on the current page. */
export function setSearch(values: Record<string, string | undefined>, opts: { replace?: boolean } = {}) {
  const url = new URL(window.location.href);
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === '') url.searchParams.delete(k);
    else url.searchParams.set(k, v);
  }
  navigate(url.pathname + url.search, opts);
}

/** An anchor that navigates client-side (modified clicks still open a new tab). */
export function Link({ to, onClick, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const target = href(to);
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(target);
  };
  return <a href={target} onClick={handle} {...rest} />;
}
