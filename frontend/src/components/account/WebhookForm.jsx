import { useState } from 'react';
import { apiPath, sendJson } from '../../api.js';
import { useAction } from '../../hooks/useAction.js';
import { errorsFor } from '../../lib/problem.js';
import { Button } from '../Button.jsx';
import { Field } from '../Field.jsx';
import { ProblemMessage } from '../ProblemMessage.jsx';

// The kinds of webhook events the gateway offers (README, "Subscriptions").
const EVENT_KINDS = [
  ['message', 'every message received or sent'],
  ['status', 'every status change of the account'],
  ['ack', 'delivery and read receipts of sent messages'],
  ['qr', 'every new QR code (whoever receives it can link the account)'],
  ['reaction', 'reactions to messages (added, changed or taken back)'],
  ['message_edited', 'messages whose author changed the text'],
  ['message_revoked', 'messages deleted for everyone'],
  ['incident', 'the session left READY or was healed (reload, relaunch, given up)'],
];

/** Changes the webhook URL and subscriptions; an empty URL removes the webhook. Applies from the next event. */
export function WebhookForm({ account, onSaved, onCancel }) {
  const [url, setUrl] = useState(account.webhook_url ?? '');
  const [events, setEvents] = useState(
    () => new Set(account.webhook_events?.length ? account.webhook_events : ['message']),
  );
  const save = useAction((body) =>
    sendJson('PUT', apiPath`/api/accounts/${account.id}/webhook`, body),
  );

  const toggle = (kind) =>
    setEvents((current) => {
      const next = new Set(current);
      if (next.has(kind)) {
        next.delete(kind);
      } else {
        next.add(kind);
      }
      return next;
    });

  const submit = async (event) => {
    event.preventDefault();
    const trimmed = url.trim();
    const outcome = await save.run({
      webhook_url: trimmed === '' ? null : trimmed,
      webhook_events: EVENT_KINDS.map(([kind]) => kind).filter((kind) => events.has(kind)),
    });
    if (outcome.ok) {
      onSaved();
    }
  };

  const problem = save.error?.problem;
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <Field
        label="Webhook URL"
        type="url"
        inputMode="url"
        placeholder="https://"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        hint="Leave empty to remove the webhook."
        errors={errorsFor(problem, 'webhook_url')}
      />
      <fieldset>
        <legend className="mb-1 text-xs font-medium text-zinc-400">Events to send</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {EVENT_KINDS.map(([kind, description]) => (
            <label key={kind} className="flex items-start gap-2 text-sm text-zinc-300">
              <input
                type="checkbox"
                checked={events.has(kind)}
                onChange={() => toggle(kind)}
                className="mt-0.5 h-3.5 w-3.5 accent-emerald-500"
              />
              <span>
                <span className="font-mono">{kind}</span>{' '}
                <span className="text-zinc-500">– {description}</span>
              </span>
            </label>
          ))}
        </div>
        {errorsFor(problem, 'webhook_events').map((m) => (
          <p key={m} className="mt-1 text-xs text-red-400">
            {m}
          </p>
        ))}
      </fieldset>
      {save.error && (
        <ProblemMessage error={save.error} placedFields={['webhook_url', 'webhook_events']} />
      )}
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={save.pending || events.size === 0}>
          {save.pending ? 'Saving…' : 'Save'}
        </Button>
      </div>
    </form>
  );
}
