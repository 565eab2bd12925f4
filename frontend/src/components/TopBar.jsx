import { ACCOUNTS_HREF, WORKERS_HREF } from '../lib/route.js';
import { Button } from './Button.jsx';

function NavLink({ href, current, children }) {
  return (
    <a
      href={href}
      aria-current={current ? 'page' : undefined}
      className={`rounded-md px-2.5 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-emerald-400 ${
        current
          ? 'bg-zinc-800 text-zinc-100'
          : 'text-zinc-400 hover:bg-zinc-800/60 hover:text-zinc-100'
      }`}
    >
      {children}
    </a>
  );
}

export function TopBar({ signedIn, view, onSignOut }) {
  return (
    <header className="flex h-12 shrink-0 items-center gap-4 border-b border-zinc-800 bg-zinc-900 px-4">
      <a href={ACCOUNTS_HREF} className="flex items-center gap-2 font-semibold text-zinc-100">
        <img src="/favicon.svg" alt="" className="h-5 w-5" />
        WA Monitor
      </a>
      {signedIn && (
        <nav aria-label="Main" className="flex items-center gap-1">
          <NavLink href={ACCOUNTS_HREF} current={view === 'accounts'}>
            Accounts
          </NavLink>
          <NavLink href={WORKERS_HREF} current={view === 'workers'}>
            Workers
          </NavLink>
        </nav>
      )}
      <div className="ml-auto flex items-center gap-2">
        {signedIn && (
          <Button size="sm" variant="ghost" onClick={onSignOut} data-testid="sign-out">
            Sign out
          </Button>
        )}
      </div>
    </header>
  );
}
