import { useEffect, useId, useRef } from 'react';
import { Button } from '../Button.jsx';
import { ScreenshotError } from './ScreenshotError.jsx';

/**
 * An incident screenshot at full size in a modal <dialog> (Escape, the Close button or a click beside it
 * closes it). `image` is what useBlobUrl gives: the object URL, or why there is none yet.
 */
export function ScreenshotDialog({ open, onClose, image, alt, title, fileName }) {
  const ref = useRef(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) {
      return;
    }
    if (open && !dialog.open) {
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(e) => {
        // A click on the backdrop lands on the <dialog> itself; clicks on its content land on children.
        if (e.target === e.currentTarget) {
          onClose();
        }
      }}
      className="m-auto max-h-[95vh] max-w-[95vw] overflow-hidden rounded-lg border border-zinc-700 bg-zinc-900 p-0 text-zinc-200 backdrop:bg-black/70"
    >
      {open && (
        <div className="flex max-h-[95vh] flex-col">
          <header className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-800 px-4 py-2">
            <h2 id={titleId} className="text-sm font-semibold text-zinc-100">
              {title}
            </h2>
            <div className="flex items-center gap-3">
              {image.url && (
                <a
                  href={image.url}
                  download={fileName}
                  className="text-xs text-emerald-300 hover:underline"
                >
                  Download
                </a>
              )}
              <Button size="sm" onClick={onClose}>
                Close
              </Button>
            </div>
          </header>
          <div className="min-h-0 overflow-auto p-4">
            {image.url && (
              <img
                src={image.url}
                alt={alt}
                data-testid="incident-screenshot-full"
                className="max-w-none rounded border border-zinc-800"
              />
            )}
            {image.loading && <p className="text-zinc-500">Loading the screenshot…</p>}
            <ScreenshotError image={image} />
          </div>
        </div>
      )}
    </dialog>
  );
}
