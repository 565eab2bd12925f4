import { useState } from 'react';
import { sendJson } from '../../api.js';
import { useAction } from '../../hooks/useAction.js';
import { errorsFor } from '../../lib/problem.js';
import { Button } from '../Button.jsx';
import { Field } from '../Field.jsx';
import { ProblemMessage } from '../ProblemMessage.jsx';

const NAME_MAX = 100;

function limitLead(error) {
  if (error?.code !== 'ACCOUNT_LIMIT_REACHED') {
    return undefined;
  }
  const limit = error.problem.limit;
  return limit === undefined
    ? 'Account limit reached. Delete an account before adding another.'
    : `Account limit reached: this gateway allows ${limit} account${limit === 1 ? '' : 's'} (MAX_WHATSAPP_ACCOUNTS). Delete one before adding another.`;
}

/** Creates an account; the parent shows the returned webhook secret, which the API gives only this once. */
export function NewAccountForm({ onCreated }) {
  const [name, setName] = useState('');
  const [webhookUrl, setWebhookUrl] = useState('');
  const create = useAction((body) => sendJson('POST', '/api/accounts', body));

  const trimmedName = name.trim();
  const submit = async (event) => {
    event.preventDefault();
    const body = { name: trimmedName };
    if (webhookUrl.trim() !== '') {
      body.webhook_url = webhookUrl.trim();
    }
    const outcome = await create.run(body);
    if (outcome.ok) {
      setName('');
      setWebhookUrl('');
      onCreated(outcome.result);
    }
  };

  const problem = create.error?.problem;
  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-2 p-4"
      aria-labelledby="new-account-heading"
    >
      <h2
        id="new-account-heading"
        className="text-xs font-semibold tracking-wide text-zinc-400 uppercase"
      >
        New account
      </h2>
      <Field
        label="Name"
        required
        maxLength={NAME_MAX}
        value={name}
        onChange={(e) => setName(e.target.value)}
        errors={errorsFor(problem, 'name')}
        data-testid="new-account-name"
      />
      <Field
        label="Webhook URL (optional)"
        type="url"
        inputMode="url"
        placeholder="https://"
        value={webhookUrl}
        onChange={(e) => setWebhookUrl(e.target.value)}
        errors={errorsFor(problem, 'webhook_url')}
        data-testid="new-account-webhook"
      />
      {create.error && (
        <ProblemMessage
          error={create.error}
          placedFields={['name', 'webhook_url']}
          lead={limitLead(create.error)}
        />
      )}
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs text-zinc-500">
          {trimmedName.length}/{NAME_MAX}
        </span>
        <Button
          type="submit"
          variant="primary"
          disabled={create.pending || trimmedName.length === 0 || trimmedName.length > NAME_MAX}
          data-testid="new-account-submit"
        >
          {create.pending ? 'Creating…' : 'Create account'}
        </Button>
      </div>
    </form>
  );
}
