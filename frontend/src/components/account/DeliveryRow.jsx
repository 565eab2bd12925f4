import { useState } from 'react';
import { apiPath, sendJson } from '../../api.js';
import { useAction } from '../../hooks/useAction.js';
import { formatDuration } from '../../lib/time.js';
import { Button } from '../Button.jsx';
import { ProblemMessage } from '../ProblemMessage.jsx';
import { RelativeTime } from '../RelativeTime.jsx';
import { StatusBadge } from '../StatusBadge.jsx';

function Cell({ children, className = '' }) {
  return <td className={`px-2 py-1.5 align-top first:pl-4 last:pr-4 ${className}`}>{children}</td>;
}

const NONE = <span className="text-zinc-600">—</span>;

/** When it was created, and when it was delivered or will be tried next. */
function Timing({ delivery: d }) {
  return (
    <>
      <div>
        created <RelativeTime value={d.created_at} />
      </div>
      {d.delivered_at && (
        <div className="text-zinc-500">
          delivered <RelativeTime value={d.delivered_at} />
        </div>
      )}
      {!d.delivered_at && d.next_attempt_at && (
        <div className="text-amber-300/80">
          next <RelativeTime value={d.next_attempt_at} />
        </div>
      )}
    </>
  );
}

/** One delivery; its payload unfolds below it. */
export function DeliveryRow({ delivery: d, accountId, columns, onRedelivered }) {
  const [open, setOpen] = useState(false);
  const redeliver = useAction(async () => {
    const answer = await sendJson(
      'POST',
      apiPath`/api/accounts/${accountId}/webhook-deliveries/${d.id}/redeliver`,
    );
    onRedelivered();
    return answer;
  });
  const detailsId = `delivery-${d.id}`;
  const lastAttempt = d.last_status_code ?? d.last_duration_ms;

  return (
    <>
      <tr className={open ? 'bg-zinc-800/40' : 'hover:bg-zinc-800/20'}>
        <Cell className="max-w-[13rem]">
          <button
            type="button"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            title={`${open ? 'Hide' : 'Show'} the payload of ${d.id}`}
            className="flex max-w-full items-center gap-1 rounded text-left font-mono text-zinc-200 hover:text-white focus-visible:outline-2 focus-visible:outline-emerald-400"
          >
            <span aria-hidden="true" className="text-zinc-500">
              {open ? '▾' : '▸'}
            </span>
            <span className="truncate">{d.id}</span>
          </button>
        </Cell>
        <Cell className="font-mono">{d.event ?? NONE}</Cell>
        <Cell>
          <StatusBadge status={d.status} kind="delivery" />
        </Cell>
        <Cell className="tabular-nums">{d.attempts}</Cell>
        <Cell className="whitespace-nowrap tabular-nums">
          {lastAttempt === null || lastAttempt === undefined ? (
            NONE
          ) : (
            <>
              <span className="font-mono">{d.last_status_code ?? 'no answer'}</span>
              {d.last_duration_ms !== null && d.last_duration_ms !== undefined && (
                <span className="text-zinc-500"> · {formatDuration(d.last_duration_ms)}</span>
              )}
            </>
          )}
        </Cell>
        <Cell className="max-w-[16rem] text-red-300">
          <span className="line-clamp-2 break-words" title={d.last_error ?? undefined}>
            {d.last_error ?? NONE}
          </span>
        </Cell>
        <Cell className="whitespace-nowrap">
          <Timing delivery={d} />
        </Cell>
        <Cell className="text-right">
          <Button size="sm" onClick={() => redeliver.run()} disabled={redeliver.pending}>
            {redeliver.pending ? 'Queuing…' : 'Redeliver'}
          </Button>
          {redeliver.result && (
            <p role="status" className="mt-1 text-emerald-300">
              Queued
            </p>
          )}
        </Cell>
      </tr>
      {(open || redeliver.error) && (
        <tr id={detailsId}>
          <td colSpan={columns} className="bg-zinc-950/60 px-4 py-3">
            {redeliver.error && <ProblemMessage className="mb-2" error={redeliver.error} />}
            {open && (
              <>
                <p className="mb-1 text-zinc-500">
                  Event id <span className="font-mono text-zinc-300 select-all">{d.id}</span> to{' '}
                  <span className="font-mono break-all text-zinc-300">{d.url ?? '—'}</span>
                </p>
                <pre className="max-h-80 overflow-auto rounded border border-zinc-800 bg-zinc-950 p-3 font-mono text-xs text-zinc-300">
                  {d.payload === null || d.payload === undefined
                    ? 'The recorded body is not JSON.'
                    : JSON.stringify(d.payload, null, 2)}
                </pre>
              </>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
