import { apiPath, getJson, sendJson } from '../../api.js';
import { useAction } from '../../hooks/useAction.js';
import { usePolledResource } from '../../hooks/usePolledResource.js';
import { accountHref } from '../../lib/route.js';
import {
  formatMemory,
  startingAccounts,
  usageColour,
  usageShare,
  workerStateInfo,
  workerStateOf,
} from '../../lib/workers.js';
import { Button } from '../Button.jsx';
import { ConfirmButton } from '../ConfirmButton.jsx';
import { Panel } from '../Panel.jsx';
import { LoadError } from '../LoadError.jsx';
import { ProblemMessage } from '../ProblemMessage.jsx';
import { RelativeTime } from '../RelativeTime.jsx';

const COLUMNS = [
  'Worker',
  'State',
  'Slots',
  'Memory',
  'Accounts',
  'Started',
  'Last heartbeat',
  'Actions',
];

const POLL_MS = 5000;

const NONE = <span className="text-zinc-600">—</span>;

/** A thin bar for how full something is; the numbers next to it say the same for screen readers. */
function UsageBar({ share }) {
  return (
    <div className="h-1.5 w-24 overflow-hidden rounded bg-zinc-800" aria-hidden="true">
      {/* A style property is set through the CSSOM, which the Content-Security-Policy allows. */}
      <div className={`h-full ${usageColour(share)}`} style={{ width: `${share * 100}%` }} />
    </div>
  );
}

function StateBadge({ state }) {
  const { label, description, classes } = workerStateInfo(state);
  return (
    <span
      title={description}
      data-testid="worker-state"
      className={`inline-flex cursor-help items-center rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${classes}`}
    >
      {label}
      <span className="sr-only">: {description}</span>
    </span>
  );
}

function SlotUsage({ worker: w }) {
  const used = w.slots_used ?? 0;
  const total = w.slots_total ?? 0;
  return (
    <div className="space-y-0.5">
      <div className="flex items-center gap-2">
        <span className="w-12 font-mono tabular-nums">
          {used}/{total}
        </span>
        <UsageBar share={usageShare(used, total)} />
      </div>
      <div className="text-xs text-zinc-500 tabular-nums">{w.free_slots ?? 0} free</div>
    </div>
  );
}

function MemoryUsage({ worker: w }) {
  if (typeof w.memory_bytes !== 'number') {
    return NONE;
  }
  const limit = w.memory_limit_bytes > 0 ? w.memory_limit_bytes : 0;
  return (
    <div className="space-y-1">
      <div
        className="font-mono whitespace-nowrap tabular-nums"
        title={limit ? undefined : 'No WORKER_MEMORY_LIMIT'}
      >
        {formatMemory(w.memory_bytes, limit)}
      </div>
      {limit > 0 ? (
        <UsageBar share={usageShare(w.memory_bytes, limit)} />
      ) : (
        <div className="text-xs text-zinc-500">no limit</div>
      )}
    </div>
  );
}

function AccountsCell({ worker: w }) {
  const accounts = Array.isArray(w.accounts) ? w.accounts : [];
  // Only a live worker's last heartbeat says what it is running now.
  const starting = w.alive ? startingAccounts(accounts, w.held) : new Set();
  if (accounts.length === 0) {
    return <span className="text-zinc-500 tabular-nums">0</span>;
  }
  return (
    <details>
      <summary className="cursor-pointer tabular-nums">
        {accounts.length}
        {starting.size > 0 && (
          <span className="ml-1 text-xs text-zinc-500">({starting.size} starting)</span>
        )}
      </summary>
      <ul className="mt-1 space-y-0.5">
        {accounts.map((id) => (
          <li key={id} data-testid="worker-account" data-account-id={id}>
            <a
              href={accountHref(id)}
              className="font-mono text-xs text-emerald-300 hover:underline"
            >
              {id}
            </a>
            {starting.has(id) && (
              <span
                className="ml-1.5 text-xs text-zinc-500"
                title="Assigned to this worker, which did not report it running in its last heartbeat"
                data-testid="account-starting"
              >
                starting
              </span>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Drain a live worker, or stop draining one; the list is loaded again after either. */
function WorkerActions({ worker: w, onChanged }) {
  const action = useAction(async (method) => {
    const answer = await sendJson(method, apiPath`/api/workers/${w.worker_id}/drain`);
    onChanged();
    return answer;
  });
  const draining = w.draining === true || workerStateOf(w) === 'draining';

  let control = NONE;
  if (draining) {
    control = (
      <Button
        size="sm"
        disabled={action.pending}
        onClick={() => action.run('DELETE')}
        data-testid="undrain-button"
        title="Let this worker take new accounts again; accounts already moved stay where they are"
      >
        {action.pending ? 'Stopping…' : 'Stop draining'}
      </Button>
    );
  } else if (workerStateOf(w) === 'alive') {
    control = (
      <ConfirmButton
        size="sm"
        question={`Drain ${w.worker_id}? Its accounts move to other workers one at a time, without a new QR code, and it takes no new accounts.`}
        confirmLabel="Drain"
        disabled={action.pending}
        onConfirm={() => action.run('POST')}
        testId="drain-button"
        confirmTestId="drain-confirm"
      >
        {action.pending ? 'Draining…' : 'Drain'}
      </ConfirmButton>
    );
  }

  return (
    <div className="flex max-w-xs flex-col items-start gap-2">
      {control}
      {action.error && (
        <ProblemMessage
          error={action.error}
          lead={draining ? 'Could not stop draining.' : 'Could not drain.'}
        />
      )}
    </div>
  );
}

function WorkerRow({ worker: w, onChanged }) {
  const state = workerStateOf(w);
  return (
    <tr
      className="align-top hover:bg-zinc-800/20"
      data-testid="worker-row"
      data-worker-id={w.worker_id}
      data-state={state}
    >
      <th scope="row" className="px-4 py-2 font-mono font-normal text-zinc-100">
        {w.worker_id}
      </th>
      <td className="px-2 py-2">
        <StateBadge state={state} />
      </td>
      <td className="px-2 py-2">
        <SlotUsage worker={w} />
      </td>
      <td className="px-2 py-2">
        <MemoryUsage worker={w} />
      </td>
      <td className="px-2 py-2">
        <AccountsCell worker={w} />
      </td>
      <td className="px-2 py-2">
        <RelativeTime value={w.started_at} />
      </td>
      <td className="px-2 py-2">
        <RelativeTime value={w.last_heartbeat_at} />
      </td>
      <td className="px-4 py-2">
        <WorkerActions worker={w} onChanged={onChanged} />
      </td>
    </tr>
  );
}

/**
 * The browser workers the gateway knows: their state, account slots, memory and accounts, and draining one so
 * that its accounts move to the others.
 */
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
            <table className="w-full min-w-[60rem] text-left" data-testid="workers-table">
              <caption className="sr-only">
                Workers: state, account slots, memory, assigned accounts, heartbeats and draining
              </caption>
              <thead className="border-b border-zinc-800 text-xs text-zinc-500">
                <tr>
                  {COLUMNS.map((column, i) => (
                    <th
                      key={column}
                      scope="col"
                      className={`${i === 0 || i === COLUMNS.length - 1 ? 'px-4' : 'px-2'} py-1.5 font-medium`}
                    >
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-800/70">
                {list.map((w) => (
                  <WorkerRow key={w.worker_id} worker={w} onChanged={workers.refresh} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
    </div>
  );
}
