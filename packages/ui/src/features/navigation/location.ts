import { useSyncExternalStore } from 'react';

/**
 * Each app is served under its base (`/designer/`, `/portal/`: vite's `base`, which vite writes into
 * every module it builds, this package's too); paths inside the app are relative to it.
 */
export const appBase = import.meta.env.BASE_URL.replace(/\/$/, '');

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** The path inside the app (`/gallery/senior-card`), without the base. */
function appPath(): string {
  const path = window.location.pathname;
  const inside = path.startsWith(appBase) ? path.slice(appBase.length) : path;
  return inside === '' ? '/' : inside;
}

/** The current path inside the app and its query, re-rendering on every navigation. */
export function useAppLocation(): { path: string; search: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, () => window.location.pathname + window.location.search);
  void href;
  return { path: appPath(), search: new URLSearchParams(window.location.search) };
}

/** Goes to a path inside the app without reloading (history.pushState). */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const url = appBase + path;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  for (const listener of listeners) listener();
  window.scrollTo(0, 0);
}
