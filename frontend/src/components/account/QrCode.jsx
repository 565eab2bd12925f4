import { apiPath, getBlob } from '../../api.js';
import { usePolledResource } from '../../hooks/usePolledResource.js';
import { ProblemMessage } from '../ProblemMessage.jsx';
import { RelativeTime } from '../RelativeTime.jsx';

const REFRESH_MS = 5000;

/**
 * The QR code as the gateway renders it (GET .../qr needs the API key, so it is fetched as a blob). WhatsApp
 * rotates the code, hence the refresh. The image is turned into a data URL as it arrives (a few kilobytes, and
 * nothing to revoke later). If it cannot be fetched, the `qr_code` data URL of the account (from the list poll)
 * stands in.
 */
export function QrCode({ account }) {
  const qr = usePolledResource(
    `qr:${account.id}`,
    (signal) =>
      getBlob(apiPath`/api/accounts/${account.id}/qr`, { signal, accept: 'image/png' }).then(
        dataUrlOf,
      ),
    { intervalMs: REFRESH_MS },
  );
  const source = qr.error ? account.qr_code : (qr.data ?? account.qr_code);
  return (
    <figure className="shrink-0">
      <div className="flex h-64 w-64 items-center justify-center rounded-md bg-white p-2">
        {source ? (
          <img
            src={source}
            alt="QR code to scan with WhatsApp on the phone"
            data-testid="qr-image"
            className="h-full w-full [image-rendering:pixelated]"
          />
        ) : (
          <span className="px-4 text-center text-sm text-zinc-600">
            {qr.error ? 'No QR code available' : 'Loading QR code…'}
          </span>
        )}
      </div>
      <figcaption className="mt-2 w-64 text-xs text-zinc-500">
        {qr.loadedAt ? (
          <>
            Fetched <RelativeTime value={qr.loadedAt} />; refreshes every 5 s.
          </>
        ) : (
          'Refreshes every 5 s.'
        )}
      </figcaption>
      {qr.error && (
        <ProblemMessage
          className="mt-2 w-64"
          error={qr.error}
          lead={account.qr_code ? 'Showing the QR code from the account instead.' : undefined}
        />
      )}
    </figure>
  );
}

function dataUrlOf(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}
