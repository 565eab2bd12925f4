const BASE =
  'inline-flex items-center justify-center gap-1.5 rounded-md font-medium whitespace-nowrap transition-colors ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-400 ' +
  'disabled:cursor-not-allowed disabled:opacity-50';

const VARIANTS = {
  primary: 'bg-emerald-600 text-white hover:bg-emerald-500 disabled:hover:bg-emerald-600',
  secondary:
    'border border-zinc-700 bg-zinc-800 text-zinc-100 hover:bg-zinc-700 disabled:hover:bg-zinc-800',
  danger: 'bg-red-600 text-white hover:bg-red-500 disabled:hover:bg-red-600',
  dangerOutline: 'border border-red-500/40 text-red-300 hover:bg-red-500/10',
  ghost: 'text-zinc-300 hover:bg-zinc-800 hover:text-zinc-100',
};

const SIZES = {
  sm: 'px-2 py-1 text-xs',
  md: 'px-3 py-1.5 text-sm',
};

/** A <button> in one of the dashboard's styles; type defaults to "button" so nothing submits by accident. */
export function Button({
  variant = 'secondary',
  size = 'md',
  type = 'button',
  className = '',
  ...props
}) {
  return (
    <button
      type={type}
      className={`${BASE} ${VARIANTS[variant]} ${SIZES[size]} ${className}`}
      {...props}
    />
  );
}
