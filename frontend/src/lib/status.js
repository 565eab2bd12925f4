// Colours for the states the API reports. Full class names only: Tailwind finds them by scanning the source.

const ACCOUNT = {
  INIT: 'bg-sky-500/15 text-sky-300 ring-sky-500/30',
  QR: 'bg-amber-500/15 text-amber-300 ring-amber-500/30',
  AUTH: 'bg-indigo-500/15 text-indigo-300 ring-indigo-500/30',
  READY: 'bg-emerald-500/15 text-emerald-300 ring-emerald-500/30',
  DISCONNECTED: 'bg-orange-500/15 text-orange-300 ring-orange-500/30',
  LOGGED_OUT: 'bg-zinc-500/15 text-zinc-300 ring-zinc-500/30',
  FAILED: 'bg-red-500/15 text-red-300 ring-red-500/30',
};

const DELIVERY = {
  PENDING: 'bg-amber-500/15 text-amber-300 ring-amber-500/30',
  DELIVERED: 'bg-emerald-500/15 text-emerald-300 ring-emerald-500/30',
  FAILED: 'bg-red-500/15 text-red-300 ring-red-500/30',
};

const UNKNOWN = 'bg-fuchsia-500/15 text-fuchsia-300 ring-fuchsia-500/30';

export function accountStatusClasses(status) {
  return ACCOUNT[status] ?? UNKNOWN;
}

export function deliveryStatusClasses(status) {
  return DELIVERY[status] ?? UNKNOWN;
}

export const DELIVERY_STATUSES = Object.keys(DELIVERY);

/** The statuses in the order an account usually goes through them, for the overview counts. */
export const ACCOUNT_STATUSES = Object.keys(ACCOUNT);
