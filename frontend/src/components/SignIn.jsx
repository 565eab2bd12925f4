import { useState } from 'react';
import { getJson } from '../api.js';
import { useAction } from '../hooks/useAction.js';
import { Button } from './Button.jsx';
import { Field } from './Field.jsx';
import { ProblemMessage } from './ProblemMessage.jsx';

/**
 * Asks for the API key and checks it against the gateway before keeping it (in this tab's sessionStorage only).
 * `refusal` is the problem of a request that the gateway refused with the key used so far.
 */
export function SignIn({ refusal, onSignedIn }) {
  const [key, setKey] = useState('');
  const check = useAction((candidate) => getJson('/api/accounts', { apiKey: candidate }));

  const submit = async (event) => {
    event.preventDefault();
    const candidate = key.trim();
    if (candidate === '') {
      return;
    }
    const outcome = await check.run(candidate);
    if (outcome.ok) {
      onSignedIn(candidate);
    }
  };

  const refused = check.error?.status === 401;
  return (
    <div className="flex flex-1 items-start justify-center px-4 py-16">
      <form
        onSubmit={submit}
        className="w-full max-w-md rounded-lg border border-zinc-800 bg-zinc-900/60 p-6"
        noValidate
      >
        <h1 className="text-lg font-semibold text-zinc-100">Sign in</h1>
        <p className="mt-1 text-sm text-zinc-400">
          Enter an API key of this gateway. It is kept in this browser tab only and forgotten when
          you sign out or close the tab.
        </p>
        {refusal && !check.error && (
          <ProblemMessage
            className="mt-4"
            lead="The gateway no longer accepts the key you signed in with."
            error={{ problem: refusal }}
          />
        )}
        <Field
          className="mt-4"
          label="API key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          required
          value={key}
          onChange={(e) => setKey(e.target.value)}
          errors={refused ? ['was not accepted'] : []}
          hint="Set with API_KEYS; without it the gateway prints a generated key once in logs/gateway.log at its first start."
          data-testid="api-key-input"
        />
        {check.error && <ProblemMessage className="mt-3" error={check.error} />}
        <Button
          type="submit"
          variant="primary"
          className="mt-4 w-full"
          disabled={check.pending || key.trim() === ''}
          data-testid="api-key-submit"
        >
          {check.pending ? 'Checking…' : 'Sign in'}
        </Button>
      </form>
    </div>
  );
}
