import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort } from '../api.js';

/**
 * Runs one user action at a time (a second click while the first is in flight does nothing) and keeps its
 * last result or error for the screen. `run` resolves to {ok, result} or {ok: false, error}; it never throws.
 */
export function useAction(action) {
  const [state, setState] = useState({ pending: false, error: null, result: undefined });
  const actionRef = useRef(action);
  const pendingRef = useRef(false);
  const mountedRef = useRef(true);

  useEffect(() => {
    actionRef.current = action;
  });

  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
    };
  }, []);

  const run = useCallback(async (...args) => {
    if (pendingRef.current) {
      return { ok: false, error: null };
    }
    pendingRef.current = true;
    setState({ pending: true, error: null, result: undefined });
    try {
      const result = await actionRef.current(...args);
      if (mountedRef.current) {
        setState({ pending: false, error: null, result });
      }
      return { ok: true, result };
    } catch (error) {
      if (mountedRef.current) {
        setState({ pending: false, error: isAbort(error) ? null : error, result: undefined });
      }
      return { ok: false, error };
    } finally {
      pendingRef.current = false;
    }
  }, []);

  const reset = useCallback(() => setState({ pending: false, error: null, result: undefined }), []);

  return { run, reset, ...state };
}
