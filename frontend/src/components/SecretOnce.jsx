import { Button } from './Button.jsx';
import { CopyButton } from './CopyButton.jsx';

/**
 * A webhook signing secret the API returns only once. It stays on screen until the operator says it is stored.
 */
export function SecretOnce({ secret, title, onDismiss, className = '' }) {
  return (
    <div
      role="status"
      className={`rounded-lg border border-amber-500/40 bg-amber-500/10 p-3 ${className}`}
    >
      <p className="font-semibold text-amber-200">{title}</p>
      <p className="mt-1 text-xs text-amber-100/80">
        Copy it now and store it with your webhook receiver:{' '}
        <strong>you will not see this secret again.</strong> Receivers check the{' '}
        <code className="font-mono">X-Webhook-Signature</code> header (HMAC-SHA256 of the body) with
        it.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code
          data-testid="webhook-secret"
          className="max-w-full rounded border border-zinc-700 bg-zinc-950 px-2 py-1 font-mono text-xs break-all text-zinc-100 select-all"
        >
          {secret}
        </code>
        <CopyButton value={secret} />
      </div>
      <div className="mt-3">
        <Button size="sm" variant="ghost" onClick={onDismiss}>
          I have stored it, hide it
        </Button>
      </div>
    </div>
  );
}
