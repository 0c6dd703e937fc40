import { useEffect, useRef } from 'react';

/**
 * The row a j/k press moves to: from no row, j goes to the first and k to the last; it stops at
 * either end (no wrap-around, so holding a key never jumps the list). Null for an empty list.
 */
export function movedIndex(current: number | null, count: number, direction: 1 | -1): number | null {
  if (count === 0) return null;
  if (current === null || current >= count) return direction === 1 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, current + direction));
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

export interface ListShortcuts {
  /** j (+1) and k (−1). */
  move(direction: 1 | -1): void;
  /** "/" */
  focusSearch(): void;
  /** Escape */
  close(): void;
}

/**
 * Mail-client keys for a list page: j/k move, "/" jumps to the search box, Escape closes what is
 * open. Enter needs nothing here: the focused row's button opens it. Keys typed into a form control,
 * or with Ctrl/Alt/Meta, are left alone.
 */
export function useListShortcuts(shortcuts: ListShortcuts): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      if (isTyping(event.target)) {
        if (event.key === 'Escape' && event.target instanceof HTMLInputElement && event.target.type === 'search') event.target.blur();
        return;
      }
      if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        latest.current.move(event.key === 'j' ? 1 : -1);
      } else if (event.key === '/') {
        event.preventDefault();
        latest.current.focusSearch();
      } else if (event.key === 'Escape') {
        latest.current.close();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
