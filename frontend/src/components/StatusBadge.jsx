import { accountStatusClasses, deliveryStatusClasses } from '../lib/status.js';

/** A status as the API names it, coloured by kind; unknown values are shown verbatim in a neutral colour. */
export function StatusBadge({ status, kind = 'account', testId }) {
  const classes =
    kind === 'delivery' ? deliveryStatusClasses(status) : accountStatusClasses(status);
  return (
    <span
      data-testid={testId}
      className={`inline-flex items-center rounded px-1.5 py-0.5 font-mono text-[11px] leading-4 font-semibold ring-1 ring-inset ${classes}`}
    >
      {status ?? 'UNKNOWN'}
    </span>
  );
}
