import { useState } from 'react';
import { apiPath, apiRequest, readJson } from '../../api.js';
import { useAction } from '../../hooks/useAction.js';
import { Button } from '../Button.jsx';
import { ConfirmButton } from '../ConfirmButton.jsx';
import { ProblemMessage } from '../ProblemMessage.jsx';
import { DeleteAccount } from './DeleteAccount.jsx';

/** Restart, log out and delete; each answer (or problem) is shown under the buttons. */
export function AccountActions({ account, onChanged }) {
  const [deleting, setDeleting] = useState(false);
  const action = useAction(async (verb) => {
    const body = await readJson(
      await apiRequest(apiPath`/api/accounts/${account.id}/${verb}`, { method: 'POST' }),
    );
    onChanged();
    return body;
  });

  return (
    <div className="flex max-w-full flex-col items-end gap-2">
      <div className="flex flex-wrap items-center justify-end gap-2">
        <Button disabled={action.pending} onClick={() => action.run('restart')}>
          Restart
        </Button>
        <ConfirmButton
          question="Unlink this device from WhatsApp? Linking again needs a new scan."
          confirmLabel="Log out"
          disabled={action.pending}
          onConfirm={() => action.run('logout')}
        >
          Log out
        </ConfirmButton>
        <Button
          variant="dangerOutline"
          onClick={() => setDeleting((d) => !d)}
          aria-expanded={deleting}
          data-testid="delete-button"
        >
          Delete…
        </Button>
      </div>
      {action.pending && (
        <p role="status" className="text-xs text-zinc-400">
          Sending…
        </p>
      )}
      {action.result?.message && (
        <p role="status" className="text-xs text-emerald-300">
          {action.result.message}.
        </p>
      )}
      {action.error && <ProblemMessage error={action.error} className="max-w-md" />}
      {deleting && (
        <DeleteAccount
          account={account}
          onCancel={() => setDeleting(false)}
          onDeleted={onChanged}
        />
      )}
    </div>
  );
}
