import { ACCOUNT_STATUSES } from '../../lib/status.js';
import { Panel } from '../Panel.jsx';
import { StatusBadge } from '../StatusBadge.jsx';

/** With no account selected: how many accounts are in each status (any status the API reports, known or not). */
export function AccountsOverview({ accounts }) {
  if (!accounts) {
    return null;
  }
  const counts = new Map(ACCOUNT_STATUSES.map((s) => [s, 0]));
  accounts.forEach((a) => counts.set(a.status, (counts.get(a.status) ?? 0) + 1));
  return (
    <Panel title="Overview">
      <dl className="grid grid-cols-[repeat(auto-fill,minmax(8.5rem,1fr))] gap-3">
        <div className="rounded-md border border-zinc-800 px-3 py-2">
          <dt className="text-xs text-zinc-500">Accounts</dt>
          <dd className="text-xl font-semibold text-zinc-100 tabular-nums">{accounts.length}</dd>
        </div>
        {[...counts].map(([status, count]) => (
          <div key={status} className="rounded-md border border-zinc-800 px-3 py-2">
            <dt>
              <StatusBadge status={status} />
            </dt>
            <dd
              className={`mt-1 text-xl font-semibold tabular-nums ${count ? 'text-zinc-100' : 'text-zinc-600'}`}
            >
              {count}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-zinc-400">
        Select an account to link it (QR code or phone number), look at its screen, manage its
        webhook and send messages.
      </p>
    </Panel>
  );
}
