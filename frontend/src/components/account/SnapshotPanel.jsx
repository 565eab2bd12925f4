import { useEffect, useId, useRef, useState } from 'react';
import { apiPath, getJson } from '../../api.js';
import { useAction } from '../../hooks/useAction.js';
import { useOnScreen } from '../../hooks/useOnScreen.js';
import { formatDateTime } from '../../lib/time.js';
import { Button } from '../Button.jsx';
import { Panel } from '../Panel.jsx';
import { ProblemMessage } from '../ProblemMessage.jsx';
import { RelativeTime } from '../RelativeTime.jsx';

const AUTO_REFRESH_MS = 5000;

function fileName(account, snapshot) {
  const extension = snapshot.snapshot.startsWith('data:image/jpeg') ? 'jpg' : 'png';
  const stamp = (snapshot.taken_at ?? '').replace(/[:.]/g, '-');
  return `snapshot-${account.name.replace(/[^\w-]+/g, '_')}-${stamp}.${extension}`;
}

/**
 * The account's WhatsApp Web page as it is now, taken on demand (the worker screenshots the live page). The
 * optional auto-refresh runs only while the panel is on screen and the tab is visible.
 */
export function SnapshotPanel({ account }) {
  const panelRef = useRef(null);
  const onScreen = useOnScreen(panelRef);
  const autoId = useId();
  const [auto, setAuto] = useState(false);
  const [snapshot, setSnapshot] = useState(null);
  const take = useAction(async () => {
    const result = await getJson(apiPath`/api/accounts/${account.id}/snapshot`);
    setSnapshot(result);
    return result;
  });
  const { run } = take;

  useEffect(() => {
    if (!auto || !onScreen) {
      return undefined;
    }
    let stopped = false;
    let timer = null;
    const loop = async () => {
      await run();
      if (!stopped) {
        timer = setTimeout(loop, AUTO_REFRESH_MS);
      }
    };
    loop();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [auto, onScreen, run]);

  return (
    <Panel
      title="Live screen"
      panelRef={panelRef}
      actions={
        <>
          <label htmlFor={autoId} className="flex items-center gap-1.5 text-xs text-zinc-300">
            <input
              id={autoId}
              type="checkbox"
              checked={auto}
              onChange={(e) => setAuto(e.target.checked)}
              className="h-3.5 w-3.5 accent-emerald-500"
            />
            Auto-refresh every 5 s
          </label>
          <Button
            size="sm"
            variant="primary"
            onClick={() => run()}
            disabled={take.pending}
            data-testid="snapshot-button"
          >
            {take.pending ? 'Taking…' : 'Take snapshot'}
          </Button>
        </>
      }
    >
      {take.error && (
        <ProblemMessage
          className="mb-3"
          error={take.error}
          lead={snapshot ? 'The last snapshot failed; the one below is older.' : undefined}
        />
      )}
      {snapshot ? (
        <figure>
          <img
            src={snapshot.snapshot}
            alt={`WhatsApp Web page of ${account.name} at ${formatDateTime(snapshot.taken_at)}`}
            data-testid="snapshot-image"
            className="max-h-[75vh] w-auto max-w-full rounded border border-zinc-800"
          />
          <figcaption className="mt-2 flex flex-wrap items-center justify-between gap-2 text-xs text-zinc-500">
            <span>
              Taken {formatDateTime(snapshot.taken_at)} (<RelativeTime value={snapshot.taken_at} />)
            </span>
            <a
              href={snapshot.snapshot}
              download={fileName(account, snapshot)}
              className="text-emerald-300 hover:underline"
            >
              Download
            </a>
          </figcaption>
        </figure>
      ) : (
        !take.error && (
          <p className="text-zinc-500">
            {take.pending
              ? 'Asking the worker for a screenshot…'
              : 'No snapshot taken yet. Snapshots are taken on demand, not streamed.'}
          </p>
        )
      )}
    </Panel>
  );
}
