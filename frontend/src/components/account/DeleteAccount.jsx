import { useState } from 'react';
import { apiPath, apiRequest } from '../../api.js';
import { useAction } from '../../hooks/useAction.js';
import { ACCOUNTS_HREF } from '../../lib/route.js';
import { Button } from '../Button.jsx';
import { Field } from '../Field.jsx';
import { ProblemMessage } from '../ProblemMessage.jsx';

/** Deleting cannot be undone, so the operator types the account's name to confirm. */
export function DeleteAccount({ account, onCancel, onDeleted }) {
  const [typed, setTyped] = useState('');
  const remove = useAction(() =>
    apiRequest(apiPath`/api/accounts/${account.id}`, { method: 'DELETE' }),
  );

  const submit = async (event) => {
    event.preventDefault();
    if (typed !== account.name) {
      return;
    }
    const outcome = await remove.run();
    if (outcome.ok) {
      onDeleted();
      window.location.hash = ACCOUNTS_HREF;
    }
  };

  return (
    <form
      onSubmit={submit}
      className="w-full max-w-md space-y-2 rounded-md border border-red-500/40 bg-red-950/30 p-3 text-left"
      aria-label={`Delete account ${account.name}`}
    >
      <p className="text-sm text-red-100">
        Deleting stops the session, removes its WhatsApp login from the worker and frees its place
        under the account limit. It cannot be undone.
      </p>
      <Field
        label={
          <>
            Type <strong className="font-mono text-zinc-200">{account.name}</strong> to confirm
          </>
        }
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        data-testid="delete-confirm-input"
      />
      {remove.error && <ProblemMessage error={remove.error} />}
      <div className="flex justify-end gap-2">
        <Button size="sm" onClick={onCancel}>
          Cancel
        </Button>
        <Button
          size="sm"
          type="submit"
          variant="danger"
          disabled={typed !== account.name || remove.pending}
          data-testid="delete-confirm"
        >
          {remove.pending ? 'Deleting…' : 'Delete account'}
        </Button>
      </div>
    </form>
  );
}
