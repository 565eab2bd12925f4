// The dashboard's views live in the URL hash so that reloads and the back button keep the operator's place.

export function parseRoute(hash) {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'workers') {
    return { view: 'workers' };
  }
  if (parts[0] === 'accounts' && parts[1]) {
    return { view: 'accounts', accountId: parts[1] };
  }
  return { view: 'accounts', accountId: null };
}

export function accountHref(id) {
  return `#/accounts/${encodeURIComponent(id)}`;
}

export const ACCOUNTS_HREF = '#/accounts';
export const WORKERS_HREF = '#/workers';
