import { useId, useState } from 'react';
import { apiPath, getJson } from '../../api.js';
import { usePolledResource } from '../../hooks/usePolledResource.js';
import { DELIVERY_STATUSES } from '../../lib/status.js';
import { Panel } from '../Panel.jsx';
import { LoadError } from '../LoadError.jsx';
import { RelativeTime } from '../RelativeTime.jsx';
import { DeliveryRow } from './DeliveryRow.jsx';

const POLL_MS = 5000;
// The gateway's default page; it lists the newest deliveries first.
const LIMIT = 100;

const COLUMNS = [
  'Event id',
  'Event',
  'Status',
  'Attempts',
  'Last attempt',
  'Last error',
  'Timing',
  '',
];

/** Every webhook delivery of the account with its attempts; payloads on demand; redeliver one. */
export function DeliveriesPanel({ account }) {
  const filterId = useId();
  const [status, setStatus] = useState('');
  const query = status ? `?status=${status}&limit=${LIMIT}` : `?limit=${LIMIT}`;
  const deliveries = usePolledResource(
    `deliveries:${account.id}:${status}`,
    (signal) =>
      getJson(`${apiPath`/api/accounts/${account.id}/webhook-deliveries`}${query}`, { signal }),
    { intervalMs: POLL_MS },
  );
  const list = Array.isArray(deliveries.data) ? deliveries.data : undefined;

  return (
    <Panel
      title="Webhook deliveries"
      actions={
        <>
          <span className="text-xs text-zinc-500">
            {deliveries.loadedAt ? (
              <>
                refreshed <RelativeTime value={deliveries.loadedAt} />
              </>
            ) : null}
          </span>
          <label htmlFor={filterId} className="text-xs text-zinc-400">
            Status
          </label>
          <select
            id={filterId}
            value={status}
            onChange={(e) => setStatus(e.target.value)}
            className="rounded-md border border-zinc-700 bg-zinc-950 px-2 py-1 text-xs text-zinc-100 focus:border-emerald-500 focus:ring-2 focus:ring-emerald-500/40 focus:outline-none"
          >
            <option value="">All</option>
            {DELIVERY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </>
      }
    >
      <LoadError
        className="mb-3"
        error={deliveries.error}
        hasData={list !== undefined}
        loadedAt={deliveries.loadedAt}
      />
      {list === undefined && !deliveries.error && (
        <p className="text-zinc-500">Loading deliveries…</p>
      )}
      {list?.length === 0 && (
        <p className="text-zinc-500">
          {status ? `No ${status} deliveries.` : 'No deliveries yet.'}
          {!account.webhook_url && ' This account has no webhook, so none are made.'}
        </p>
      )}
      {list?.length > 0 && (
        <div className="-mx-4 overflow-x-auto">
          <table className="w-full min-w-[46rem] text-left text-xs">
            <caption className="sr-only">Webhook deliveries, newest first</caption>
            <thead className="border-b border-zinc-800 text-zinc-500">
              <tr>
                {COLUMNS.map((c, i) => (
                  <th key={i} scope="col" className="px-2 py-1.5 font-medium first:pl-4 last:pr-4">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-800/70">
              {list.map((d) => (
                <DeliveryRow
                  key={d.id}
                  delivery={d}
                  accountId={account.id}
                  columns={COLUMNS.length}
                  onRedelivered={deliveries.refresh}
                />
              ))}
            </tbody>
          </table>
          <p className="mt-2 px-4 text-xs text-zinc-500">
            {list.length === LIMIT
              ? `Showing the newest ${LIMIT}.`
              : `${list.length} deliver${list.length === 1 ? 'y' : 'ies'}.`}
          </p>
        </div>
      )}
    </Panel>
  );
}
