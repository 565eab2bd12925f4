import { useId, useState } from 'react';
import { useBlobUrl } from '../../hooks/useBlobUrl.js';
import {
  healReasonText,
  healStepText,
  screenshotFileName,
  screenshotPath,
} from '../../lib/health.js';
import { formatDateTime } from '../../lib/time.js';
import { RelativeTime } from '../RelativeTime.jsx';
import { ScreenshotDialog } from './ScreenshotDialog.jsx';
import { ScreenshotError } from './ScreenshotError.jsx';
import { StatusChange } from './StatusChange.jsx';

function Fact({ label, children }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="break-words text-zinc-200">{children}</dd>
    </div>
  );
}

/**
 * The newest incident: when, which status change, why, what the worker did about it, and the page as it was
 * then (fetched with the API key; a click opens it full size).
 */
export function LatestIncident({ account, incident }) {
  const headingId = useId();
  const [zoomed, setZoomed] = useState(false);
  const path = screenshotPath(incident);
  const image = useBlobUrl(path, { accept: 'image/png' });
  const when = formatDateTime(incident.at);
  const step = healStepText(incident.heal_step);
  const because = healReasonText(incident.heal_reason);
  const alt = `WhatsApp Web page of ${account.name} at ${when}, when it went from ${incident.from_status ?? 'unknown'} to ${incident.to_status ?? 'unknown'}`;
  const fileName = screenshotFileName(account.name, incident.at);

  return (
    <article
      aria-labelledby={headingId}
      data-testid="incident-latest"
      data-incident-id={incident.id}
      className="space-y-3"
    >
      <h3 id={headingId} className="text-xs font-semibold text-zinc-400">
        Latest incident
      </h3>
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <dl className="space-y-3">
          <Fact label="When">
            {when} (<RelativeTime value={incident.at} />)
          </Fact>
          <Fact label="Status change">
            <StatusChange from={incident.from_status} to={incident.to_status} />
          </Fact>
          <Fact label="Reason">
            {incident.reason || <span className="text-zinc-600">No reason given.</span>}
          </Fact>
          <Fact label="Heal step">
            {step ? (
              <>
                {step}
                {because && <span className="text-zinc-400"> ({because})</span>}
              </>
            ) : (
              <span className="text-zinc-400">None: the status changed without a heal step.</span>
            )}
          </Fact>
          {incident.worker_id && (
            <Fact label="Worker">
              <span className="font-mono">{incident.worker_id}</span>
            </Fact>
          )}
        </dl>
        <figure className="min-w-0">
          {!path && (
            <p className="rounded border border-dashed border-zinc-800 px-3 py-6 text-center text-zinc-500">
              {incident.screenshot_note
                ? `No screenshot: ${incident.screenshot_note}`
                : 'No screenshot: the page could not be captured at that moment.'}
            </p>
          )}
          {image.loading && (
            <p className="rounded border border-dashed border-zinc-800 px-3 py-6 text-center text-zinc-500">
              Loading the screenshot…
            </p>
          )}
          <ScreenshotError image={image} />
          {image.url && (
            <>
              <button
                type="button"
                onClick={() => setZoomed(true)}
                title="Open full size"
                className="block max-w-full cursor-zoom-in rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-400"
              >
                <span className="sr-only">Open full size: </span>
                <img
                  src={image.url}
                  alt={alt}
                  data-testid="incident-screenshot"
                  className="max-h-[50vh] w-auto max-w-full rounded border border-zinc-800"
                />
              </button>
              <figcaption className="mt-2 flex flex-wrap items-center justify-between gap-2 text-xs text-zinc-500">
                <span>The page at the moment of the incident. Click it to see it full size.</span>
                <a
                  href={image.url}
                  download={fileName}
                  className="text-emerald-300 hover:underline"
                >
                  Download
                </a>
              </figcaption>
              <ScreenshotDialog
                open={zoomed}
                onClose={() => setZoomed(false)}
                image={image}
                alt={alt}
                title={`Incident of ${when}`}
                fileName={fileName}
              />
            </>
          )}
        </figure>
      </div>
    </article>
  );
}
