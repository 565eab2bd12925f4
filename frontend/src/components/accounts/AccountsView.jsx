import { useCallback, useState } from 'react';
import { getJson } from '../../api.js';
import { usePolledResource } from '../../hooks/usePolledResource.js';
import { accountHref } from '../../lib/route.js';
import { SecretOnce } from '../SecretOnce.jsx';
import { AccountDetail } from '../account/AccountDetail.jsx';
import { AccountList } from './AccountList.jsx';
import { AccountsOverview } from './AccountsOverview.jsx';
import { NewAccountForm } from './NewAccountForm.jsx';

const POLL_MS = 3000;

/**
 * Accounts on the left, the selected one on the right. The list is the one poll of account state: the detail
 * shows the same objects, so both always agree.
 */
export function AccountsView({ selectedId }) {
  const accounts = usePolledResource('accounts', (signal) => getJson('/api/accounts', { signal }), {
    intervalMs: POLL_MS,
  });
  const [created, setCreated] = useState(null);
  const { refresh } = accounts;

  const onCreated = useCallback(
    (account) => {
      setCreated({ id: account.id, name: account.name, secret: account.webhook_secret });
      refresh();
      window.location.hash = accountHref(account.id);
    },
    [refresh],
  );

  const list = Array.isArray(accounts.data) ? accounts.data : undefined;
  const selected = list?.find((a) => a.id === selectedId);

  return (
    <div className="flex flex-1 flex-col lg:flex-row">
      <aside
        aria-label="Accounts"
        className={`${selectedId ? 'hidden lg:flex' : 'flex'} w-full shrink-0 flex-col border-zinc-800 lg:w-[26rem] lg:border-r`}
      >
        <NewAccountForm onCreated={onCreated} />
        <AccountList
          accounts={list}
          error={accounts.error}
          loadedAt={accounts.loadedAt}
          selectedId={selectedId}
        />
      </aside>
      <div className="min-w-0 flex-1 space-y-4 p-4">
        {created?.secret && (
          <SecretOnce
            title={`Webhook signing secret of “${created.name}”`}
            secret={created.secret}
            onDismiss={() => setCreated(null)}
          />
        )}
        {selectedId ? (
          <AccountDetail
            key={selectedId}
            id={selectedId}
            account={selected}
            listLoaded={list !== undefined}
            onChanged={refresh}
          />
        ) : (
          <AccountsOverview accounts={list} />
        )}
      </div>
    </div>
  );
}
