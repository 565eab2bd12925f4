import { useState } from 'react';
import { Button } from './Button.jsx';

/**
 * A button that asks before it acts: the first press shows the question with Confirm and Cancel (Cancel has
 * the focus, so a second Enter does not confirm by accident; Escape cancels).
 */
export function ConfirmButton({
  children,
  question,
  confirmLabel = 'Confirm',
  onConfirm,
  variant = 'secondary',
  size = 'md',
  disabled,
  testId,
  confirmTestId,
}) {
  const [asking, setAsking] = useState(false);

  if (!asking) {
    return (
      <Button
        variant={variant}
        size={size}
        disabled={disabled}
        onClick={() => setAsking(true)}
        data-testid={testId}
      >
        {children}
      </Button>
    );
  }
  const confirm = () => {
    setAsking(false);
    onConfirm();
  };
  return (
    <div
      role="group"
      aria-label={question}
      className="flex flex-wrap items-center gap-2 rounded-md border border-zinc-700 bg-zinc-900 px-2 py-1"
      onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}
    >
      <span className="text-xs text-zinc-300">{question}</span>
      <Button size="sm" variant="danger" onClick={confirm} data-testid={confirmTestId}>
        {confirmLabel}
      </Button>
      {/* Focus goes to the safe choice. */}
      <Button size="sm" onClick={() => setAsking(false)} autoFocus>
        Cancel
      </Button>
    </div>
  );
}
