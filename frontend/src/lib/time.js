// Times from the API are ISO-8601 instants (or epoch seconds for message timestamps).

/** Milliseconds since the epoch, or null when the value is missing or not a time. */
export function toMillis(value) {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  if (typeof value === 'number') {
    // WhatsApp timestamps are epoch seconds; anything that large is already milliseconds.
    return value < 1e11 ? value * 1000 : value;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

const UNITS = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
];

/** "12 s ago", "3 min ago", "in 40 s": the largest whole unit, for a dense table cell. */
export function relativeTime(value, nowMs) {
  const ms = toMillis(value);
  if (ms === null) {
    return '—';
  }
  const seconds = Math.round((nowMs - ms) / 1000);
  if (Math.abs(seconds) < 2) {
    return 'just now';
  }
  const abs = Math.abs(seconds);
  const [unit, size] = UNITS.find(([, s]) => abs >= s);
  const amount = Math.floor(abs / size);
  return seconds > 0 ? `${amount} ${unit} ago` : `in ${amount} ${unit}`;
}

/** Local date and time to the second, for tooltips and exact columns. */
export function formatDateTime(value) {
  const ms = toMillis(value);
  if (ms === null) {
    return '—';
  }
  const d = new Date(ms);
  const pad = (n) => String(n).padStart(2, '0');
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  );
}

/** A duration in milliseconds as people read it: "840 ms", "2.3 s". */
export function formatDuration(ms) {
  if (typeof ms !== 'number' || Number.isNaN(ms)) {
    return '—';
  }
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
