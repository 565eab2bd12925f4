import { useId } from 'react';

export const INPUT_CLASSES =
  'rounded-md border border-zinc-700 bg-zinc-950 px-2.5 py-1.5 text-sm ' +
  'text-zinc-100 placeholder:text-zinc-600 focus:border-emerald-500 focus:outline-none focus:ring-2 ' +
  'focus:ring-emerald-500/40 aria-[invalid=true]:border-red-500 disabled:opacity-60';

/**
 * A labelled input (or textarea with `multiline`) with its hint and the gateway's errors for the field, linked
 * for screen readers with aria-describedby.
 */
export function Field({
  label,
  hint,
  errors = [],
  multiline = false,
  className = '',
  inputClassName = '',
  ...inputProps
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const Control = multiline ? 'textarea' : 'input';
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-zinc-400">
        {label}
      </label>
      <Control
        id={id}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy}
        className={`block w-full ${INPUT_CLASSES} ${inputClassName}`}
        {...inputProps}
      />
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-zinc-500">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="mt-1 text-xs text-red-400">
          {errors.join('; ')}
        </p>
      )}
    </div>
  );
}
