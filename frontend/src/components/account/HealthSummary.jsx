import { formatBytes, healthInfo } from '../../lib/health.js';
import { HealthBadge } from '../HealthBadge.jsx';
import { RelativeTime } from '../RelativeTime.jsx';

function Fact({ label, children, className = '' }) {
  return (
    <div className={`min-w-0 ${className}`}>
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="break-words text-zinc-200">{children}</dd>
    </div>
  );
}

const UNKNOWN = (text) => <span className="text-zinc-600">{text}</span>;

/** What the worker last reported about the session's liveness (GET /api/accounts/{id}/health). */
export function HealthSummary({ health }) {
  const info = healthInfo(health.health);
  const heals = Number.isInteger(health.heals_last_24h) ? health.heals_last_24h : null;
  const memory = health.browser_memory_bytes;
  return (
    <dl
      data-testid="session-health"
      className="grid grid-cols-2 gap-x-6 gap-y-3 md:grid-cols-3 xl:grid-cols-4"
    >
      <Fact label="Health" className="col-span-2 md:col-span-3 xl:col-span-4">
        {info ? (
          <span className="flex flex-wrap items-center gap-2">
            <HealthBadge health={health.health} testId="session-health-badge" />
            <span className="text-xs text-zinc-400">{info.description}</span>
          </span>
        ) : (
          UNKNOWN('unknown: no worker reports on this session right now')
        )}
      </Fact>
      <Fact label="Connected since">
        {health.connected_since ? (
          <RelativeTime value={health.connected_since} />
        ) : (
          UNKNOWN('not connected')
        )}
      </Fact>
      <Fact label="Last contact with WhatsApp's servers">
        <RelativeTime value={health.last_server_contact_at} />
      </Fact>
      <Fact label="Last event from the page">
        <RelativeTime value={health.last_event_at} />
      </Fact>
      <Fact label="Heals in the last 24 h">
        {heals === null ? (
          UNKNOWN('—')
        ) : (
          <span className={`tabular-nums ${heals > 0 ? 'text-amber-300' : ''}`}>{heals}</span>
        )}
      </Fact>
      <Fact label="Browser memory">
        {typeof memory === 'number' && memory > 0 ? (
          <span className="font-mono tabular-nums" title={`${memory} bytes`}>
            {formatBytes(memory)}
          </span>
        ) : (
          UNKNOWN('not measured yet')
        )}
      </Fact>
      <Fact label="WhatsApp Web">
        {health.whatsapp_web_version ? (
          <span className="font-mono text-xs">{health.whatsapp_web_version}</span>
        ) : (
          UNKNOWN('not reported yet')
        )}
      </Fact>
    </dl>
  );
}
