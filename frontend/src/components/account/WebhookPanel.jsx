import { useState } from 'react';
import { apiPath, sendJson } from '../../api.js';
import { useAction } from '../../hooks/useAction.js';
import { Button } from '../Button.jsx';
import { ConfirmButton } from '../ConfirmButton.jsx';
import { Panel } from '../Panel.jsx';
import { ProblemMessage } from '../ProblemMessage.jsx';
import { SecretOnce } from '../SecretOnce.jsx';
import { WebhookForm } from './WebhookForm.jsx';

/** Where the account's events go, what it subscribes to, and its signing secret. */
export function WebhookPanel({ account, onChanged }) {
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState(null);
  const rotate = useAction(() =>
    sendJson('POST', apiPath`/api/accounts/${account.id}/webhook-secret`),
  );
  const remove = useAction(async () => {
    await sendJson('PUT', apiPath`/api/accounts/${account.id}/webhook`, { webhook_url: null });
    onChanged();
  });

  const rotateSecret = async () => {
    const outcome = await rotate.run();
    if (outcome.ok) {
      setSecret(outcome.result.webhook_secret);
    }
  };

  const events = Array.isArray(account.webhook_events) ? account.webhook_events : [];
  return (
    <Panel
      title="Webhook"
      actions={
        !editing && (
          <>
            <Button size="sm" onClick={() => setEditing(true)}>
              {account.webhook_url ? 'Edit' : 'Set webhook'}
            </Button>
            {account.webhook_url && (
              <ConfirmButton
                size="sm"
                question="Stop sending this account's events anywhere?"
                confirmLabel="Remove"
                onConfirm={() => remove.run()}
                disabled={remove.pending}
              >
                Remove
              </ConfirmButton>
            )}
            <ConfirmButton
              size="sm"
              question="Sign deliveries with a new secret from now on? Receivers must switch to it."
              confirmLabel="Rotate"
              onConfirm={rotateSecret}
              disabled={rotate.pending}
            >
              Rotate secret
            </ConfirmButton>
          </>
        )
      }
    >
      {secret && (
        <SecretOnce
          className="mb-3"
          title={`New webhook signing secret of “${account.name}”`}
          secret={secret}
          onDismiss={() => setSecret(null)}
        />
      )}
      {rotate.error && <ProblemMessage className="mb-3" error={rotate.error} />}
      {remove.error && <ProblemMessage className="mb-3" error={remove.error} />}
      {editing ? (
        <WebhookForm
          account={account}
          onSaved={() => {
            setEditing(false);
            onChanged();
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <dl className="grid gap-3 sm:grid-cols-[8rem_1fr]">
          <dt className="text-xs text-zinc-500">URL</dt>
          <dd>
            {account.webhook_url ? (
              <code className="font-mono text-xs break-all text-zinc-200">
                {account.webhook_url}
              </code>
            ) : (
              <span className="text-zinc-500">
                None: this account’s events are not sent anywhere.
              </span>
            )}
          </dd>
          <dt className="text-xs text-zinc-500">Events</dt>
          <dd className="flex flex-wrap gap-1">
            {events.length > 0 ? (
              events.map((e) => (
                <span
                  key={e}
                  className="rounded bg-zinc-800 px-1.5 py-0.5 font-mono text-xs text-zinc-300"
                >
                  {e}
                </span>
              ))
            ) : (
              <span className="text-zinc-500">not reported</span>
            )}
          </dd>
        </dl>
      )}
    </Panel>
  );
}
