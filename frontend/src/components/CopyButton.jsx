import { useEffect, useState } from 'react';
import { copyText } from '../lib/clipboard.js';
import { Button } from './Button.jsx';

/** Copies a value and says whether that worked (over plain http the browser may refuse). */
export function CopyButton({ value, label = 'Copy', size = 'sm' }) {
  const [outcome, setOutcome] = useState(null);

  useEffect(() => {
    if (outcome !== 'copied') {
      return undefined;
    }
    const t = setTimeout(() => setOutcome(null), 2000);
    return () => clearTimeout(t);
  }, [outcome]);

  const copy = async () => setOutcome((await copyText(value)) ? 'copied' : 'failed');

  return (
    <span className="inline-flex items-center gap-2">
      <Button size={size} onClick={copy}>
        {outcome === 'copied' ? 'Copied' : label}
      </Button>
      <span role="status" className="text-xs text-amber-300">
        {outcome === 'failed'
          ? 'The browser refused to copy: select the text and copy it yourself.'
          : ''}
      </span>
    </span>
  );
}
