import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort } from '../api.js';

const EMPTY = { data: undefined, error: null, loadedAt: null };

/**
 * Loads a resource now and again every `intervalMs` while the page is visible. A request never overlaps the
 * previous one; `refresh()` loads at once. A failure keeps the last data (with `error` set) so the screen
 * shows what was last known and says it is stale. Changing `key` starts over with no data.
 */
export function usePolledResource(key, load, { intervalMs, enabled = true }) {
  const [state, setState] = useState({ key, ...EMPTY });
  const loadRef = useRef(load);
  const triggerRef = useRef(() => {});

  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    let stopped = false;
    let running = false;
    let again = false;
    let timer = null;
    let controller = null;

    const schedule = () => {
      clearTimeout(timer);
      timer = null;
      if (!stopped && !document.hidden && intervalMs) {
        timer = setTimeout(tick, intervalMs);
      }
    };

    async function tick() {
      clearTimeout(timer);
      timer = null;
      if (stopped) {
        return;
      }
      if (running) {
        again = true;
        return;
      }
      running = true;
      controller = new AbortController();
      try {
        const data = await loadRef.current(controller.signal);
        if (!stopped) {
          setState({ key, data, error: null, loadedAt: Date.now() });
        }
      } catch (error) {
        if (!stopped && !isAbort(error)) {
          setState((s) => ({ ...(s.key === key ? s : EMPTY), key, error }));
        }
      } finally {
        running = false;
      }
      if (again) {
        again = false;
        tick();
      } else {
        schedule();
      }
    }

    const onVisibility = () => {
      if (document.hidden) {
        clearTimeout(timer);
        timer = null;
      } else if (timer === null && !running) {
        tick();
      }
    };

    triggerRef.current = tick;
    document.addEventListener('visibilitychange', onVisibility);
    tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
      document.removeEventListener('visibilitychange', onVisibility);
      triggerRef.current = () => {};
    };
  }, [key, enabled, intervalMs]);

  const refresh = useCallback(() => triggerRef.current(), []);
  const current = state.key === key ? state : { key, ...EMPTY };
  return { data: current.data, error: current.error, loadedAt: current.loadedAt, refresh };
}
