import { StatusBadge } from '../StatusBadge.jsx';

/** "READY → CONNECTING" as two status badges; screen readers hear "from READY to CONNECTING". */
export function StatusChange({ from, to }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span className="sr-only">from </span>
      <StatusBadge status={from} />
      <span aria-hidden="true" className="text-zinc-500">
        →
      </span>
      <span className="sr-only"> to </span>
      <StatusBadge status={to} />
    </span>
  );
}
