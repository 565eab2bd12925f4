import { ACCOUNTS_HREF } from '../../lib/route.js';
import { formatDateTime } from '../../lib/time.js';
import { CopyButton } from '../CopyButton.jsx';
import { HealthBadge } from '../HealthBadge.jsx';
import { RelativeTime } from '../RelativeTime.jsx';
import { StatusBadge } from '../StatusBadge.jsx';
import { AccountActions } from './AccountActions.jsx';
import { DeliveriesPanel } from './DeliveriesPanel.jsx';
import { HealthPanel } from './HealthPanel.jsx';
import { LinkPanel } from './LinkPanel.jsx';
import { SendPanel } from './SendPanel.jsx';
import { SnapshotPanel } from './SnapshotPanel.jsx';
import { WebhookPanel } from './WebhookPanel.jsx';

function Meta({ label, children, className = '' }) {
  return (
    <div className={`min-w-0 ${className}`}>
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="break-words text-zinc-200">{children}</dd>
    </div>
  );
}

function BackLink() {
  return (
    <a href={ACCOUNTS_HREF} className="text-sm text-zinc-400 hover:text-zinc-100 lg:hidden">
      ← All accounts
    </a>
  );
}

/** One account: what the list poll last said about it, and every panel that acts on it. */
export function AccountDetail({ id, account, listLoaded, onChanged }) {
  if (!account) {
    return (
      <div className="space-y-2">
        <BackLink />
        <p className="text-zinc-400">
          {listLoaded ? (
            <>
              There is no account with id <code className="font-mono">{id}</code>; it may have been
              deleted.
            </>
          ) : (
            'Loading account…'
          )}
        </p>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <BackLink />
      <section
        aria-labelledby="account-heading"
        className="rounded-lg border border-zinc-800 bg-zinc-900/60 p-4"
      >
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              <h1 id="account-heading" className="truncate text-lg font-semibold text-zinc-100">
                {account.name}
              </h1>
              <StatusBadge status={account.status} testId="account-status" />
              <HealthBadge health={account.health} testId="account-health" />
            </div>
            <p className="mt-1 text-zinc-400">{account.status_reason || 'No reason given.'}</p>
          </div>
          <AccountActions account={account} onChanged={onChanged} />
        </div>
        <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-3 md:grid-cols-3 xl:grid-cols-6">
          <Meta label="Account id" className="col-span-2">
            <span className="flex items-center gap-2">
              <code className="truncate font-mono text-xs" title={account.id}>
                {account.id}
              </code>
              <CopyButton value={account.id} />
            </span>
          </Meta>
          <Meta label="Phone">
            <span className="font-mono">
              {account.phone ?? <span className="text-zinc-600">not linked</span>}
            </span>
          </Meta>
          <Meta label="Worker">
            <span className="font-mono">
              {account.worker_id ?? <span className="text-zinc-600">none reported</span>}
            </span>
          </Meta>
          <Meta label="WhatsApp Web">
            <span
              className="font-mono text-xs"
              data-testid="account-versions"
              title="The WhatsApp Web build the page runs, and the wa-js release injected into it"
            >
              {account.whatsapp_web_version ? (
                `${account.whatsapp_web_version} · wa-js ${account.wa_js_version ?? '?'}`
              ) : (
                <span className="text-zinc-600">not reported yet</span>
              )}
            </span>
          </Meta>
          <Meta label="Created">
            <span title={formatDateTime(account.created_at)}>
              {formatDateTime(account.created_at)}
            </span>
          </Meta>
          <Meta label="Status updated">
            <RelativeTime value={account.updated_at} />
          </Meta>
        </dl>
      </section>

      {account.status === 'QR' && <LinkPanel account={account} />}
      {account.status === 'READY' && <SnapshotPanel account={account} />}
      <HealthPanel account={account} />
      <div className="grid items-start gap-4 xl:grid-cols-2">
        <SendPanel account={account} />
        <WebhookPanel account={account} onChanged={onChanged} />
      </div>
      <DeliveriesPanel account={account} />
    </div>
  );
}
