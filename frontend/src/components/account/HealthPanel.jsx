import { useId, useState } from 'react';
import { apiPath, getJson } from '../../api.js';
import { usePolledResource } from '../../hooks/usePolledResource.js';
import { incidentsOf } from '../../lib/health.js';
import { isMissingEndpoint } from '../../lib/problem.js';
import { formatDateTime } from '../../lib/time.js';
import { LoadError } from '../LoadError.jsx';
import { Panel } from '../Panel.jsx';
import { RelativeTime } from '../RelativeTime.jsx';
import { HealthSummary } from './HealthSummary.jsx';
import { IncidentRow } from './IncidentRow.jsx';
import { LatestIncident } from './LatestIncident.jsx';

const POLL_MS = 5000;
// A gateway older than this dashboard has neither endpoint: ask again now and then (it may be upgraded).
const MISSING_POLL_MS = 60_000;
const MISSING = Object.freeze({ missing: true });

/**
 * A polled GET that answers MISSING instead of failing when the gateway does not have the endpoint, and
 * then polls slowly.
 */
function useOptionalEndpoint(key, path) {
  const [missing, setMissing] = useState(false);
  const resource = usePolledResource(
    key,
    async (signal) => {
      try {
        const data = await getJson(path, { signal });
        setMissing(false);
        return data;
      } catch (error) {
        if (isMissingEndpoint(error)) {
          setMissing(true);
          return MISSING;
        }
        throw error;
      }
    },
    { intervalMs: missing ? MISSING_POLL_MS : POLL_MS },
  );
  return { ...resource, missing: resource.data === MISSING };
}

/** The older of two load times, so "refreshed" never claims more than both polls did. */
function oldest(a, b) {
  return a && b ? Math.min(a, b) : (a ?? b);
}

function Note({ children }) {
  return <p className="text-zinc-500">{children}</p>;
}

/**
 * How alive the session is (as the worker last reported) and what went wrong lately: the newest incident with
 * the page as it was, and the ones before it.
 */
export function HealthPanel({ account }) {
  const earlierId = useId();
  const health = useOptionalEndpoint(
    `health:${account.id}`,
    apiPath`/api/accounts/${account.id}/health`,
  );
  const incidents = useOptionalEndpoint(
    `incidents:${account.id}`,
    apiPath`/api/accounts/${account.id}/incidents`,
  );
  const refreshedAt = oldest(health.loadedAt, incidents.loadedAt);

  if (health.missing && incidents.missing) {
    return (
      <Panel title="Session health and incidents">
        <Note>
          This gateway does not report session health or incidents (it is older than this
          dashboard).
        </Note>
      </Panel>
    );
  }

  const healthData =
    !health.missing && health.data && typeof health.data === 'object' ? health.data : undefined;
  const list =
    incidents.missing || incidents.data === undefined ? undefined : incidentsOf(incidents.data);
  const [latest, ...earlier] = list ?? [];
  const status = healthData?.status ?? account.status;
  const since = healthData?.connected_since;

  return (
    <Panel
      title="Session health and incidents"
      actions={
        <span className="text-xs text-zinc-500">
          {refreshedAt ? (
            <>
              refreshed <RelativeTime value={refreshedAt} />
            </>
          ) : null}
        </span>
      }
    >
      <div className="space-y-4">
        <div>
          <LoadError
            className="mb-3"
            error={health.error}
            hasData={healthData !== undefined}
            loadedAt={health.loadedAt}
          />
          {health.missing && <Note>This gateway does not report session health.</Note>}
          {!health.missing && healthData === undefined && !health.error && (
            <Note>Loading session health…</Note>
          )}
          {healthData && <HealthSummary health={healthData} />}
        </div>

        <div className="space-y-3 border-t border-zinc-800 pt-4" data-testid="incidents">
          <LoadError
            error={incidents.error}
            hasData={list !== undefined}
            loadedAt={incidents.loadedAt}
          />
          {incidents.missing && <Note>This gateway does not record incidents.</Note>}
          {!incidents.missing && list === undefined && !incidents.error && (
            <Note>Loading incidents…</Note>
          )}
          {list?.length === 0 && (
            <Note>
              No incidents recorded.
              {status === 'READY' && since && (
                <>
                  {' '}
                  The session has not left READY since {formatDateTime(since)} (
                  <RelativeTime value={since} />
                  ).
                </>
              )}
            </Note>
          )}
          {latest && <LatestIncident key={latest.id} account={account} incident={latest} />}
          {earlier.length > 0 && (
            <section aria-labelledby={earlierId}>
              <h3 id={earlierId} className="text-xs font-semibold text-zinc-400">
                Earlier incidents
              </h3>
              <ol className="divide-y divide-zinc-800/70">
                {earlier.map((incident) => (
                  <IncidentRow key={incident.id} account={account} incident={incident} />
                ))}
              </ol>
            </section>
          )}
        </div>
      </div>
    </Panel>
  );
}
