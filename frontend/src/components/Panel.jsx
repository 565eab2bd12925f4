import { useId } from 'react';

/** A titled section of the screen; `actions` sit on the right of the title. */
export function Panel({ title, actions, children, className = '', panelRef }) {
  const id = useId();
  return (
    <section
      ref={panelRef}
      aria-labelledby={id}
      className={`rounded-lg border border-zinc-800 bg-zinc-900/60 ${className}`}
    >
      <header className="flex min-h-10 flex-wrap items-center justify-between gap-2 border-b border-zinc-800 px-4 py-2">
        <h2 id={id} className="text-xs font-semibold tracking-wide text-zinc-400 uppercase">
          {title}
        </h2>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </header>
      <div className="p-4">{children}</div>
    </section>
  );
}
