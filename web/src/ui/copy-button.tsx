import { useEffect, useState } from 'react';
import { Button } from './button.tsx';
import { Icon } from './icon.tsx';

/**
 * Copies `text` to the clipboard and says so. Where the browser refuses (no clipboard access), it
 * says how to copy by hand instead of failing silently.
 */
export function CopyButton(props: { text: string; label?: string }) {
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (outcome !== 'copied') return undefined;
    const timer = window.setTimeout(() => setOutcome('idle'), 4000);
    return () => window.clearTimeout(timer);
  }, [outcome]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  };

  return (
    <span className="lp-copy">
      <Button size="sm" onClick={() => void copy()} icon={<Icon name={outcome === 'copied' ? 'check' : 'copy'} size={16} />}>
        {outcome === 'copied' ? 'Copied' : (props.label ?? 'Copy')}
      </Button>
      <span className="lp-copy__status" role="status">
        {outcome === 'copied' ? <span className="lp-visually-hidden">Copied to the clipboard.</span> : null}
        {outcome === 'failed' ? 'The browser did not allow copying: select the text and press Ctrl+C (⌘C on a Mac).' : null}
      </span>
    </span>
  );
}
