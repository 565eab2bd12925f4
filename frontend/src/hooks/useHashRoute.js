import { useSyncExternalStore } from 'react';
import { parseRoute } from '../lib/route.js';

function subscribe(listener) {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The current view from the URL hash; re-renders on navigation. */
export function useHashRoute() {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
