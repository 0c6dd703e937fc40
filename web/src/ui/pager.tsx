import { useLocation } from '@tanstack/react-router';
import { Button } from './button.tsx';
import { pagesBeforeFrom, type CursorPosition } from './cursor-pages.ts';
import './pager.css';

declare module '@tanstack/history' {
  interface HistoryState {
    /**
     * The cursors of the pages before the one a list shows (see cursor-pages.ts). Kept with the
     * history entry rather than in the URL: Back, Forward and a reload keep Previous working, and a
     * shared link stays short.
     */
    pagesBefore?: (string | null)[];
  }
}

/** The list's position: its page's cursor (from the URL) with the pages before it (from history state). */
export function useCursorPosition(cursor: string | undefined): CursorPosition {
  const before = useLocation({ select: (location) => location.state.pagesBefore });
  return { cursor: cursor ?? null, before: cursor ? pagesBeforeFrom(before) : [] };
}

export interface PagerProps {
  /** 1-based position of the page's first row; null when the pages before are not known. */
  firstRow: number | null;
  rowsShown: number;
  total: number;
  /** What the rows are, singular and plural: ['lead', 'leads']. */
  noun: readonly [string, string];
  /** Whether this is a later page; Previous is then `pagesKnown` ? the page before : the first page. */
  hasPrevious: boolean;
  pagesKnown: boolean;
  hasNext: boolean;
  onPrevious(): void;
  onNext(): void;
  /** A page is loading: the buttons ignore presses (they stay focusable, so the keyboard keeps its place). */
  busy?: boolean;
}

/** Previous and Next under a keyset-paginated list, with which rows of how many are shown. */
export function Pager(props: PagerProps) {
  const count = (value: number) => value.toLocaleString();
  const noun = props.total === 1 ? props.noun[0] : props.noun[1];
  const status =
    props.rowsShown === 0
      ? `No ${props.noun[1]}`
      : props.firstRow === null
        ? `${count(props.rowsShown)} of ${count(props.total)} ${noun}`
        : `${count(props.firstRow)}–${count(props.firstRow + props.rowsShown - 1)} of ${count(props.total)} ${noun}`;
  return (
    <nav className="lp-pager" aria-label="Pages">
      <p className="lp-pager__status" aria-live="polite">
        {status}
      </p>
      {props.hasPrevious || props.hasNext ? (
        <div className="lp-pager__buttons">
          <Button size="sm" disabled={!props.hasPrevious} aria-disabled={props.busy || undefined} onClick={() => !props.busy && props.onPrevious()}>
            {props.hasPrevious && !props.pagesKnown ? 'First page' : 'Previous'}
          </Button>
          <Button size="sm" disabled={!props.hasNext} aria-disabled={props.busy || undefined} onClick={() => !props.busy && props.onNext()}>
            Next
          </Button>
        </div>
      ) : null}
    </nav>
  );
}
