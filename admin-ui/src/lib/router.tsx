import { useEffect, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/**
 * A small router over the History API: the app lives under /admin/, a route is a path below it
 * and its query string. Links are real anchors, so they open in a new tab and work by keyboard.
 */
export const BASE = '/admin';

/** A check before leaving a page with unsaved work: it returns false to stay. */
let leaveGuard: (() => boolean) | null = null;
let current = typeof window === 'undefined' ? '' : window.location.pathname + window.location.search;

/** Whether the page may be left (asks the user when there is unsaved work). */
export function mayLeave(): boolean {
  return !leaveGuard || leaveGuard();
}

if (typeof window !== 'undefined') {
  // Back and Forward: if the user chooses to stay, the address goes back to the page they are on
  window.addEventListener('popstate', () => {
    if (!mayLeave()) {
      window.history.pushState(null, '', current);
      return;
    }
    current = window.location.pathname + window.location.search;
    window.dispatchEvent(new Event('pinzhi:navigate'));
  });
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('pinzhi:navigate', listener);
  return () => window.removeEventListener('pinzhi:navigate', listener);
}

/**
 * While `active`, leaving the page (a link, Back, closing the tab, signing out) first asks the
 * user with `message`. For editors with unsaved work.
 */
export function useLeaveGuard(active: boolean, message: string): void {
  useEffect(() => {
    if (!active) return;
    const check = () => window.confirm(message);
    leaveGuard = check;
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      if (leaveGuard === check) leaveGuard = null;
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [active, message]);
}

const snapshot = () => window.location.pathname + window.location.search;

export interface Location {
  /** the path below /admin, always starting with "/" */
  path: string;
  query: URLSearchParams;
}

export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  const path = url.pathname.startsWith(BASE) ? url.pathname.slice(BASE.length) || '/' : url.pathname;
  return { path, query: url.searchParams };
}

/**
 * Goes to a path below /admin (with an optional query string). Unless `unguarded` (a change within
 * the page, or a redirect the user did not ask for), a page with unsaved work may ask to stay.
 */
export function navigate(to: string, options: { replace?: boolean; unguarded?: boolean } = {}): void {
  const href = BASE + to;
  if (href === snapshot()) return;
  if (!options.unguarded && !mayLeave()) return;
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  current = href;
  window.dispatchEvent(new Event('pinzhi:navigate'));
  if (!options.replace) window.scrollTo(0, 0);
}

/** Replaces query parameters of the current location (null removes one). */
export function setQuery(params: Record<string, string | number | null | undefined>, options: { replace?: boolean } = { replace: true }): void {
  const url = new URL(window.location.href);
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') url.searchParams.delete(key);
    else url.searchParams.set(key, String(value));
  }
  const path = url.pathname.slice(BASE.length) || '/';
  navigate(path + (url.search || ''), { ...options, unguarded: true });
}

/** Matches a path against a pattern such as "/standards/:code/history"; returns the parameters. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const source = pattern.replace(/:([a-zA-Z]+)/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const found = new RegExp(`^${source}/?$`).exec(path);
  if (!found) return null;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
}

export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={BASE + to} onClick={handle} {...rest} />;
}
