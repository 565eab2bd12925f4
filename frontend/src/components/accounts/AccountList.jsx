import { accountHref } from '../../lib/route.js';
import { HealthBadge } from '../HealthBadge.jsx';
import { LoadError } from '../LoadError.jsx';
import { RelativeTime } from '../RelativeTime.jsx';
import { StatusBadge } from '../StatusBadge.jsx';

function AccountRow({ account, selected }) {
  return (
    <li>
      <a
        href={accountHref(account.id)}
        aria-current={selected ? 'page' : undefined}
        data-testid="account-row"
        data-account-id={account.id}
        data-status={account.status}
        data-health={account.health ?? undefined}
        className={`block border-l-2 px-4 py-2.5 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-emerald-400 ${
          selected ? 'border-emerald-500 bg-zinc-800/70' : 'border-transparent hover:bg-zinc-900'
        }`}
      >
        <div className="flex items-center justify-between gap-2">
          <span className="truncate font-medium text-zinc-100">{account.name}</span>
          <span className="flex shrink-0 items-center gap-1.5">
            <HealthBadge health={account.health} testId="account-health" />
            <StatusBadge status={account.status} testId="account-status" />
          </span>
        </div>
        <p
          className="mt-0.5 truncate text-xs text-zinc-400"
          title={account.status_reason ?? undefined}
        >
          {account.status_reason || <span className="text-zinc-600">no reason given</span>}
        </p>
        <dl className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-zinc-500">
          <div className="flex gap-1">
            <dt className="sr-only">Phone</dt>
            <dd className="font-mono text-zinc-300">
              {account.phone ?? <span className="text-zinc-600">no phone</span>}
            </dd>
          </div>
          <div className="flex gap-1">
            <dt className="sr-only">Worker</dt>
            <dd className="font-mono">
              {account.worker_id ?? <span className="text-zinc-600">no worker</span>}
            </dd>
          </div>
          <div className="ml-auto flex gap-1">
            <dt>updated</dt>
            <dd>
              <RelativeTime value={account.updated_at} />
            </dd>
          </div>
        </dl>
      </a>
    </li>
  );
}

/** Every account, oldest first as the API lists them; stays on screen (marked stale) when a refresh fails. */
export function AccountList({ accounts, error, loadedAt, selectedId }) {
  return (
    <section aria-labelledby="accounts-heading" className="flex min-h-0 flex-1 flex-col">
      <div className="flex items-center justify-between border-y border-zinc-800 px-4 py-2">
        <h2
          id="accounts-heading"
          className="text-xs font-semibold tracking-wide text-zinc-400 uppercase"
        >
          Accounts{accounts ? ` (${accounts.length})` : ''}
        </h2>
        <span className="text-xs text-zinc-500">
          {loadedAt ? (
            <>
              refreshed <RelativeTime value={loadedAt} />
            </>
          ) : null}
        </span>
      </div>
      {error && (
        <div className="px-4 pt-3">
          <LoadError error={error} hasData={accounts !== undefined} loadedAt={loadedAt} />
        </div>
      )}
      {accounts === undefined && !error && (
        <p className="px-4 py-3 text-zinc-500">Loading accounts…</p>
      )}
      {accounts?.length === 0 && (
        <p className="px-4 py-3 text-zinc-500">No accounts yet. Create one with the form above.</p>
      )}
      {accounts?.length > 0 && (
        <ul className="divide-y divide-zinc-800/70 overflow-y-auto">
          {accounts.map((a) => (
            <AccountRow key={a.id} account={a} selected={a.id === selectedId} />
          ))}
        </ul>
      )}
    </section>
  );
}
