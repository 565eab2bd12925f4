// What the dashboard shows about a session's health (GET /api/accounts/{id}/health, the `health` field of an
// account) and its incidents (GET /api/accounts/{id}/incidents). Full class names only: Tailwind finds them by
// scanning the source.

const HEALTH = {
  ok: {
    label: 'ok',
    description: "READY, and heard from WhatsApp's servers recently.",
    classes: 'bg-emerald-500/15 text-emerald-300 ring-emerald-500/30',
    dot: 'bg-emerald-400',
  },
  degraded: {
    label: 'degraded',
    description:
      "Not READY, quiet for a while (no recent word from WhatsApp's servers), or its checks of the connection fail.",
    classes: 'bg-amber-500/15 text-amber-300 ring-amber-500/30',
    dot: 'bg-amber-400',
  },
  stalled: {
    label: 'stalled',
    description:
      "WhatsApp's servers have been silent too long and a check went unanswered; the worker heals it (reload, relaunch) or gave up.",
    classes: 'bg-red-500/15 text-red-300 ring-red-500/30',
    dot: 'bg-red-400',
  },
};

/**
 * Label, explanation and colours of a health value; null when there is none (no worker holds the session).
 * An unknown value is shown verbatim in a neutral colour.
 */
export function healthInfo(health) {
  if (typeof health !== 'string' || health === '') {
    return null;
  }
  return (
    HEALTH[health] ?? {
      label: health,
      description: 'A health value this dashboard does not know.',
      classes: 'bg-fuchsia-500/15 text-fuchsia-300 ring-fuchsia-500/30',
      dot: 'bg-fuchsia-400',
    }
  );
}

export const HEALTH_VALUES = Object.keys(HEALTH);

const HEAL_STEPS = {
  reload: 'Reloaded the WhatsApp Web page',
  relaunch: 'Relaunched the browser',
  give_up: 'Gave up healing: the account is FAILED',
};

/** What the worker did about an incident, in words; null when it took no heal step (the status just changed). */
export function healStepText(step) {
  if (typeof step !== 'string' || step === '') {
    return null;
  }
  return HEAL_STEPS[step] ?? `Heal step “${step}”`;
}

const HEAL_REASONS = {
  server_silent: "WhatsApp's servers went silent",
  page_unresponsive: 'the page stopped answering',
  renderer_crashed: "the page's renderer crashed",
  browser_exited: 'the browser exited',
};

/** Why the worker took a heal step (the incident's optional `heal_reason`), in words; null when not given. */
export function healReasonText(reason) {
  if (typeof reason !== 'string' || reason === '') {
    return null;
  }
  return HEAL_REASONS[reason] ?? reason.replaceAll('_', ' ');
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/**
 * Bytes as people read them, counting 1024 to the next unit (as the workers page does): "512 B", "1.5 KB",
 * "137 MB", "2.3 GB". One decimal below 10 of a unit, whole numbers above.
 */
export function formatBytes(bytes) {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0) {
    return '—';
  }
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) {
    return `${Math.round(value)} B`;
  }
  // 1023.7 KB would round to "1024 KB": say "1.0 MB" instead.
  if (Math.round(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = value < 9.95 ? value.toFixed(1) : String(Math.round(value));
  return `${shown} ${BYTE_UNITS[unit]}`;
}

/**
 * The screenshot address of an incident when it is one of the gateway's own /api paths, else null. The
 * screenshot is fetched with the API key, so the key must never go to an address the gateway does not serve.
 */
export function screenshotPath(incident) {
  const url = incident?.screenshot_url;
  return typeof url === 'string' && url.startsWith('/api/') ? url : null;
}

/** A file name for a downloaded incident screenshot: "incident-sales_desk-2026-12-02T12-00-00Z.png". */
export function screenshotFileName(accountName, at) {
  const name = String(accountName ?? 'account').replace(/[^\w-]+/g, '_');
  const stamp = String(at ?? '').replace(/[:.]/g, '-');
  return stamp ? `incident-${name}-${stamp}.png` : `incident-${name}.png`;
}

/** The incidents of an answer, newest first as the gateway lists them, at most `limit`; [] for anything else. */
export function incidentsOf(data, limit = 10) {
  if (!Array.isArray(data)) {
    return [];
  }
  return data.filter((i) => i && typeof i === 'object').slice(0, limit);
}
