// What the dashboard shows about a worker from GET /api/workers. Full class names only: Tailwind finds them by
// scanning the source.

const STATES = {
  alive: {
    label: 'alive',
    description: 'Heard from within WORKER_TIMEOUT; it takes new accounts while it has free slots.',
    classes: 'bg-emerald-500/15 text-emerald-300 ring-emerald-500/30',
  },
  draining: {
    label: 'draining',
    description:
      'Alive, and its accounts are being moved to other workers one at a time; no new accounts go to it.',
    classes: 'bg-amber-500/15 text-amber-300 ring-amber-500/30',
  },
  unreachable: {
    label: 'unreachable',
    description: 'No heartbeat for WORKER_TIMEOUT; its accounts show DISCONNECTED.',
    classes: 'bg-orange-500/15 text-orange-300 ring-orange-500/30',
  },
  lost: {
    label: 'lost',
    description:
      'No heartbeat for WORKER_TIMEOUT plus WORKER_FAILOVER_GRACE; its accounts were moved to other workers.',
    classes: 'bg-red-500/15 text-red-300 ring-red-500/30',
  },
};

const UNKNOWN = 'bg-fuchsia-500/15 text-fuchsia-300 ring-fuchsia-500/30';

/** The worker's state as the API names it; from `alive` and `draining` when a gateway does not send one. */
export function workerStateOf(worker) {
  if (typeof worker?.state === 'string' && worker.state !== '') {
    return worker.state;
  }
  if (worker?.alive) {
    return worker.draining ? 'draining' : 'alive';
  }
  return 'unreachable';
}

/** Label, explanation and badge colours of a state; an unknown state is shown verbatim in a neutral colour. */
export function workerStateInfo(state) {
  return (
    STATES[state] ?? {
      label: state ?? 'unknown',
      description: 'A state this dashboard does not know.',
      classes: UNKNOWN,
    }
  );
}

export const WORKER_STATES = Object.keys(STATES);

const MEGABYTE = 1024 * 1024;

/** Bytes as whole megabytes (1 MB = 1024 × 1024 bytes, as WORKER_MEMORY_LIMIT counts them): "560 MB". */
export function formatMegabytes(bytes) {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0) {
    return '—';
  }
  if (bytes > 0 && bytes < MEGABYTE / 2) {
    return '< 1 MB';
  }
  return `${Math.round(bytes / MEGABYTE)} MB`;
}

/** "560 MB", or "560 MB of 2048 MB" when the worker has a memory limit (0 means none). */
export function formatMemory(bytes, limitBytes) {
  const used = formatMegabytes(bytes);
  return limitBytes > 0 ? `${used} of ${formatMegabytes(limitBytes)}` : used;
}

/** How full something is, from 0 to 1; 0 when there is no capacity to measure against. */
export function usageShare(used, total) {
  if (!(total > 0) || !(used > 0)) {
    return 0;
  }
  return Math.min(1, used / total);
}

/** Bar colour for a share: green, amber from 80 %, red when full. */
export function usageColour(share) {
  return share >= 1 ? 'bg-red-500' : share >= 0.8 ? 'bg-amber-500' : 'bg-emerald-500';
}

/**
 * The assigned accounts the worker did not report running in its last heartbeat: they are still starting.
 * Account ids are UUIDs, compared without regard to case.
 */
export function startingAccounts(accounts, held) {
  const running = new Set((Array.isArray(held) ? held : []).map((id) => String(id).toLowerCase()));
  return new Set(
    (Array.isArray(accounts) ? accounts : []).filter(
      (id) => !running.has(String(id).toLowerCase()),
    ),
  );
}
