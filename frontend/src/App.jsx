import { useCallback, useEffect, useState } from 'react';
import { apiKeyStore, gatewayEvents } from './api.js';
import { useHashRoute } from './hooks/useHashRoute.js';
import { TopBar } from './components/TopBar.jsx';
import { GatewayBanner } from './components/GatewayBanner.jsx';
import { SignIn } from './components/SignIn.jsx';
import { AccountsView } from './components/accounts/AccountsView.jsx';
import { WorkersView } from './components/workers/WorkersView.jsx';

/** The shell: sign-in gate, top bar, gateway banner and the current view. */
export function App() {
  const [apiKey, setApiKey] = useState(() => apiKeyStore.get());
  const [refusal, setRefusal] = useState(null);
  // Each sign-in starts the views afresh (no state of an earlier session survives).
  const [session, setSession] = useState(0);
  const [reachable, setReachable] = useState(true);
  const route = useHashRoute();

  useEffect(() => {
    const onUnauthorized = (event) => {
      apiKeyStore.clear();
      setApiKey(null);
      setRefusal(event.detail);
    };
    const onReachable = () => setReachable(true);
    const onUnreachable = () => setReachable(false);
    gatewayEvents.addEventListener('unauthorized', onUnauthorized);
    gatewayEvents.addEventListener('reachable', onReachable);
    gatewayEvents.addEventListener('unreachable', onUnreachable);
    return () => {
      gatewayEvents.removeEventListener('unauthorized', onUnauthorized);
      gatewayEvents.removeEventListener('reachable', onReachable);
      gatewayEvents.removeEventListener('unreachable', onUnreachable);
    };
  }, []);

  const signIn = useCallback((key) => {
    if (!apiKeyStore.set(key)) {
      setRefusal({
        title: 'Cannot keep the key',
        detail:
          'This browser does not let the dashboard keep the API key for this tab (site storage is off). ' +
          'Allow site data for this address, then sign in again.',
      });
      return;
    }
    setRefusal(null);
    setApiKey(key);
    setSession((n) => n + 1);
  }, []);

  const signOut = useCallback(() => {
    apiKeyStore.clear();
    setRefusal(null);
    setApiKey(null);
  }, []);

  const signedIn = apiKey !== null;
  return (
    <div className="flex min-h-screen flex-col">
      <div className="sticky top-0 z-10">
        <TopBar signedIn={signedIn} view={route.view} onSignOut={signOut} />
        {!reachable && <GatewayBanner />}
      </div>
      <main className="flex flex-1 flex-col">
        {!signedIn && <SignIn refusal={refusal} onSignedIn={signIn} />}
        {signedIn && route.view === 'workers' && <WorkersView key={session} />}
        {signedIn && route.view === 'accounts' && (
          <AccountsView key={session} selectedId={route.accountId} />
        )}
      </main>
    </div>
  );
}
