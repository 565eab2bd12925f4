import { Panel } from '../Panel.jsx';
import { PairingForm } from './PairingForm.jsx';
import { QrCode } from './QrCode.jsx';

/** Shown while the account waits to be linked: the rotating QR code, or a pairing code by phone number. */
export function LinkPanel({ account }) {
  return (
    <Panel title="Link this account">
      <div className="flex flex-col gap-6 sm:flex-row">
        <QrCode account={account} />
        <div className="min-w-0 flex-1 space-y-3">
          <ol className="list-inside list-decimal space-y-1 text-zinc-300">
            <li>On the phone, open WhatsApp → Settings → Linked devices.</li>
            <li>Tap “Link a device” and scan the code on the left.</li>
          </ol>
          <PairingForm account={account} />
        </div>
      </div>
    </Panel>
  );
}
