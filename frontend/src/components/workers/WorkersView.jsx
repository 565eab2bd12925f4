import { getJson } from '../../api.js';
import { usePolledResource } from '../../hooks/usePolledResource.js';
import { accountHref } from '../../lib/route.js';
import { Panel } from '../Panel.jsx';
import { LoadError } from '../LoadError.jsx';
import { RelativeTime } from '../RelativeTime.jsx';

const POLL_MS = 5000;

function SlotUsage({ used, total }) {
  const share = total > 0 ? Math.min(1, used / total) : 0;
  const colour = share >= 1 ? 'bg-red-500' : share >= 0.8 ? 'bg-amber-500' : 'bg-emerald-500';
  return (
    <div className="flex items-center gap-2">
      <span className="w-12 font-mono tabular-nums">
        {used}/{total}
      </span>
      <div className="h-1.5 w-24 overflow-hidden rounded bg-zinc-800" aria-hidden="true">
        {/* A style property is set through the CSSOM, which the Content-Security-Policy allows. */}
        <div className={`h-full ${colour}`} style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}

function WorkerRow({ worker: w }) {
  const accounts = Array.isArray(w.accounts) ? w.accounts : [];
  return (
    <tr className="align-top hover:bg-zinc-800/20">
      <td className="px-4 py-2 font-mono text-zinc-100">{w.worker_id}</td>
      <td className="px-2 py-2">
        {w.alive ? (
          <span className="rounded bg-emerald-500/15 px-1.5 py-0.5 text-xs font-semibold text-emerald-300 ring-1 ring-emerald-500/30 ring-inset">
            alive
          </span>
        ) : (
          <span className="rounded bg-red-500/15 px-1.5 py-0.5 text-xs font-semibold text-red-300 ring-1 ring-red-500/30 ring-inset">
            not heard from
          </span>
        )}
      </td>
      <td className="px-2 py-2">
        <SlotUsage used={w.slots_used} total={w.slots_total} />
      </td>
      <td className="px-2 py-2">
        <details>
          <summary className="cursor-pointer tabular-nums">{accounts.length}</summary>
          <ul className="mt-1 space-y-0.5">
            {accounts.map((id) => (
              <li key={id}>
                <a
                  href={accountHref(id)}
                  className="font-mono text-xs text-emerald-300 hover:underline"
                >
                  {id}
                </a>
              </li>
            ))}
          </ul>
        </details>
      </td>
      <td className="px-2 py-2">
        <RelativeTime value={w.started_at} />
      </td>
      <td className="px-4 py-2">
        <RelativeTime value={w.last_heartbeat_at} />
      </td>
    </tr>
  );
}

/** The browser workers that reported to the gateway, their account slots and their heartbeats. */
export function WorkersView() {
  const workers = usePolledResource('workers', (signal) => getJson('/api/workers', { signal }), {
    intervalMs: POLL_MS,
  });
  const list = Array.isArray(workers.data) ? workers.data : undefined;

  return (
    <div className="p-4">
      <Panel
        title={`Workers${list ? ` (${list.length})` : ''}`}
        actions={
          workers.loadedAt && (
            <span className="text-xs text-zinc-500">
              refreshed <RelativeTime value={workers.loadedAt} />
            </span>
          )
        }
      >
        <LoadError
          className="mb-3"
          error={workers.error}
          hasData={list !== undefined}
          loadedAt={workers.loadedAt}
        />
        {list === undefined && !workers.error && <p className="text-zinc-500">Loading workers…</p>}
        {list?.length === 0 && (
          <p className="text-zinc-500">No worker has reported to this gateway yet.</p>
        )}
        {list?.length > 0 && (
          <div className="-mx-4 overflow-x-auto">
            <table className="w-full min-w-[44rem] text-left">
              <caption className="sr-only">Workers</caption>
              <thead className="border-b border-zinc-800 text-xs text-zinc-500">
                <tr>
                  <th scope="col" className="px-4 py-1.5 font-medium">
                    Worker
                  </th>
                  <th scope="col" className="px-2 py-1.5 font-medium">
                    State
                  </th>
                  <th scope="col" className="px-2 py-1.5 font-medium">
                    Slots used
                  </th>
                  <th scope="col" className="px-2 py-1.5 font-medium">
                    Accounts
                  </th>
                  <th scope="col" className="px-2 py-1.5 font-medium">
                    Started
                  </th>
                  <th scope="col" className="px-4 py-1.5 font-medium">
                    Last heartbeat
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-800/70">
                {list.map((w) => (
                  <WorkerRow key={w.worker_id} worker={w} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
    </div>
  );
}
