import { useState } from 'react';
import { useBlobUrl } from '../../hooks/useBlobUrl.js';
import { healStepText, screenshotFileName, screenshotPath } from '../../lib/health.js';
import { formatDateTime } from '../../lib/time.js';
import { Button } from '../Button.jsx';
import { RelativeTime } from '../RelativeTime.jsx';
import { ScreenshotDialog } from './ScreenshotDialog.jsx';
import { StatusChange } from './StatusChange.jsx';

/** An earlier incident on one line; its screenshot is fetched only when the operator asks to see it. */
export function IncidentRow({ account, incident }) {
  const [wanted, setWanted] = useState(false);
  const [open, setOpen] = useState(false);
  const path = screenshotPath(incident);
  const image = useBlobUrl(wanted ? path : null, { accept: 'image/png' });
  const when = formatDateTime(incident.at);
  const step = healStepText(incident.heal_step);

  return (
    <li
      data-testid="incident-row"
      data-incident-id={incident.id}
      className="grid grid-cols-[minmax(0,1fr)_auto] items-start gap-x-3 gap-y-1 py-2 text-xs sm:grid-cols-[7rem_minmax(0,1fr)_auto]"
    >
      <span className="text-zinc-400 sm:pt-0.5">
        <RelativeTime value={incident.at} />
      </span>
      <div className="col-span-2 row-start-2 min-w-0 space-y-1 sm:col-span-1 sm:row-start-auto">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <StatusChange from={incident.from_status} to={incident.to_status} />
          <span className={step ? 'text-zinc-200' : 'text-zinc-500'}>{step ?? 'no heal step'}</span>
        </div>
        <p className="break-words text-zinc-400">{incident.reason || 'No reason given.'}</p>
      </div>
      <div className="text-right">
        {path ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setWanted(true);
              setOpen(true);
            }}
          >
            Screenshot<span className="sr-only"> of the incident at {when}</span>
          </Button>
        ) : (
          <span className="text-zinc-600" title={incident.screenshot_note ?? undefined}>
            no screenshot
          </span>
        )}
      </div>
      {wanted && (
        <ScreenshotDialog
          open={open}
          onClose={() => setOpen(false)}
          image={image}
          alt={`WhatsApp Web page of ${account.name} at ${when}, when it went from ${incident.from_status ?? 'unknown'} to ${incident.to_status ?? 'unknown'}`}
          title={`Incident of ${when}`}
          fileName={screenshotFileName(account.name, incident.at)}
        />
      )}
    </li>
  );
}
