import { useCallback, useEffect, useState } from 'react';
import { getBlob, isAbort } from '../api.js';

const NOTHING = { url: null, error: null };

/**
 * Fetches an /api path that needs the API key (an image an <img> cannot load by itself) once, and gives an
 * object URL for it; null `path` fetches nothing. The URL is revoked when the path changes or the component
 * goes, so large images do not pile up in memory. `retry()` fetches again after a failure.
 */
export function useBlobUrl(path, { accept = '*/*' } = {}) {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState({ key: null, ...NOTHING });
  const key = path ? `${attempt}:${path}` : null;

  useEffect(() => {
    if (!path) {
      return undefined;
    }
    const controller = new AbortController();
    let cancelled = false;
    let url = null;
    const current = `${attempt}:${path}`;
    getBlob(path, { signal: controller.signal, accept })
      .then((blob) => {
        if (cancelled) {
          return;
        }
        url = URL.createObjectURL(blob);
        setState({ key: current, url, error: null });
      })
      .catch((error) => {
        if (!cancelled && !isAbort(error)) {
          setState({ key: current, url: null, error });
        }
      });
    return () => {
      cancelled = true;
      controller.abort();
      if (url) {
        URL.revokeObjectURL(url);
      }
    };
  }, [path, accept, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const current = key !== null && state.key === key ? state : NOTHING;
  return {
    url: current.url,
    error: current.error,
    loading: key !== null && current.url === null && current.error === null,
    retry,
  };
}
