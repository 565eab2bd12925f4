import { healthInfo } from '../lib/health.js';

/**
 * How alive the session is (`ok`, `degraded`, `stalled`), with what that means on hover. Renders nothing when
 * the health is unknown (no worker holds the session, or a gateway that does not report it).
 */
export function HealthBadge({ health, testId }) {
  const info = healthInfo(health);
  if (!info) {
    return null;
  }
  return (
    <span
      title={`Session health: ${info.label}. ${info.description}`}
      data-testid={testId}
      data-health={health}
      className={`inline-flex cursor-help items-center gap-1 rounded px-1.5 py-0.5 text-[11px] leading-4 font-semibold ring-1 ring-inset ${info.classes}`}
    >
      <span aria-hidden="true" className={`h-1.5 w-1.5 rounded-full ${info.dot}`} />
      <span className="sr-only">health </span>
      {info.label}
    </span>
  );
}
