import { getJson } from '../api.js';
import { usePolledResource } from '../hooks/usePolledResource.js';

/**
 * Shown while the gateway does not answer. It probes the key-less GET /api every few seconds, so it clears on
 * recovery even when no view is polling (e.g. on the sign-in screen).
 */
export function GatewayBanner() {
  usePolledResource('gateway-probe', (signal) => getJson('/api', { signal }), { intervalMs: 5000 });
  return (
    <div
      role="alert"
      data-testid="error-banner"
      className="border-b border-red-500/40 bg-red-950/80 px-4 py-2 text-sm text-red-100"
    >
      <strong className="font-semibold">Gateway unreachable.</strong> The dashboard keeps retrying;
      what you see may be out of date until it answers again.
    </div>
  );
}
