import { useNow } from '../hooks/useNow.js';
import { formatDateTime, relativeTime, toMillis } from '../lib/time.js';

/** "3 s ago" that stays current, with the exact local time on hover. */
export function RelativeTime({ value, className = '' }) {
  const now = useNow();
  const ms = toMillis(value);
  if (ms === null) {
    return <span className={`text-zinc-600 ${className}`}>—</span>;
  }
  return (
    <time dateTime={new Date(ms).toISOString()} title={formatDateTime(ms)} className={className}>
      {relativeTime(ms, now)}
    </time>
  );
}
