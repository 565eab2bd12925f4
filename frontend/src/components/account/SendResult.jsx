import { apiPath, getJson } from '../../api.js';
import { useAction } from '../../hooks/useAction.js';
import { formatDateTime } from '../../lib/time.js';
import { Button } from '../Button.jsx';
import { CopyButton } from '../CopyButton.jsx';
import { ProblemMessage } from '../ProblemMessage.jsx';
import { RelativeTime } from '../RelativeTime.jsx';

function Row({ label, children }) {
  return (
    <>
      <dt className="text-zinc-500">{label}</dt>
      <dd className="min-w-0 break-all text-zinc-200">{children}</dd>
    </>
  );
}

/** The gateway's answer to a send, and on request the message's delivery status from WhatsApp's receipts. */
export function SendResult({ accountId, sent, replayed }) {
  const check = useAction(() =>
    getJson(apiPath`/api/accounts/${accountId}/messages/${sent.message_id}`),
  );
  const latest = check.result;

  return (
    <div
      data-testid="send-result"
      role="status"
      className="mt-4 rounded-md border border-emerald-500/30 bg-emerald-500/5 p-3 text-xs"
    >
      <p className="mb-2 font-medium text-emerald-200">
        {replayed
          ? 'Already sent: the gateway returned the answer to the first request with this Idempotency-Key.'
          : 'The gateway sent the message.'}
      </p>
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1">
        <Row label="Message id">
          <span className="flex flex-wrap items-center gap-2">
            <code className="font-mono select-all">{sent.message_id}</code>
            <CopyButton value={sent.message_id} />
          </span>
        </Row>
        <Row label="To">
          <span className="font-mono">{sent.to}</span>
        </Row>
        <Row label="Status">
          <span className="font-mono">{sent.status}</span>
        </Row>
        <Row label="Timestamp">{formatDateTime(sent.timestamp)}</Row>
      </dl>
      <div className="mt-3 flex flex-wrap items-center gap-3 border-t border-zinc-800 pt-3">
        <Button size="sm" onClick={() => check.run()} disabled={check.pending}>
          {check.pending ? 'Checking…' : 'Check status'}
        </Button>
        {latest && (
          <span>
            Status <strong className="font-mono text-zinc-100">{latest.status}</strong>
            {latest.ack !== null && latest.ack !== undefined && <> (ack {latest.ack})</>}, updated{' '}
            <RelativeTime value={latest.updated_at} />
          </span>
        )}
      </div>
      {check.error && <ProblemMessage className="mt-2" error={check.error} />}
    </div>
  );
}
