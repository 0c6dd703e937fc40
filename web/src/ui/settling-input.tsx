import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';
import { Input, type InputProps } from './input.tsx';

export interface SettlingInputProps extends Omit<InputProps, 'value' | 'onChange' | 'defaultValue'> {
  /** The text in force (e.g. from the URL); when it changes from outside ("Clear filters") the box follows. */
  value: string;
  /** Called with the trimmed text once typing pauses for `delayMs`, or at once on Enter. */
  onSettle(text: string): void;
  delayMs?: number;
}

/**
 * A text box for a filter that applies itself: the list reloads once typing pauses, not on every
 * key, and Enter applies it at once. The text in force stays the caller's (kept in the URL).
 */
export function SettlingInput({ value, onSettle, delayMs = 300, onKeyDown, ...rest }: SettlingInputProps) {
  const [text, setText] = useState(value);
  // The last text applied or received: a settled text is sent only when it differs, and a value
  // from outside replaces what is typed without being sent back.
  const applied = useRef(value);
  const settle = useRef(onSettle);
  settle.current = onSettle;

  useEffect(() => {
    if (value === applied.current) return;
    applied.current = value;
    setText(value);
  }, [value]);

  const settled = useDebouncedValue(text.trim(), delayMs);
  useEffect(() => {
    if (settled === applied.current) return;
    applied.current = settled;
    settle.current(settled);
  }, [settled]);

  return (
    <Input
      {...rest}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={(event) => {
        onKeyDown?.(event);
        if (event.key !== 'Enter' || event.defaultPrevented) return;
        const now = text.trim();
        if (now === applied.current) return;
        applied.current = now;
        settle.current(now);
      }}
    />
  );
}
