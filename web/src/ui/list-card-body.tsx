import type { ReactNode } from 'react';
import type { ApiError } from '../api/api-error.ts';
import { Button } from './button.tsx';
import { InlineError } from './inline-error.tsx';
import { firstPage, firstRowOf, pageAfter, pageBefore, type CursorPosition } from './cursor-pages.ts';
import { Pager } from './pager.tsx';

export interface ListCardBodyProps {
  /** What a row is, singular and plural: ['lead', 'leads']. */
  noun: readonly [string, string];
  /** The page loaded (how many rows, of how many, and the next page's cursor), or undefined while none has. */
  page: { rows: number; total: number; nextCursor: string | null } | undefined;
  position: CursorPosition;
  pageSize: number;
  /** The list shows the previous page while the next one loads. */
  busy: boolean;
  goTo(position: CursorPosition): void;
  failed: boolean;
  error: unknown;
  apiError: ApiError | null;
  /** Shown when the list could not be loaded at all. */
  errorTitle: string;
  onRetry(): void;
  /** Shown when the page loaded holds no rows (no match, or nothing yet). */
  empty: ReactNode;
  /** The table of the rows loaded. */
  children: ReactNode;
}

/**
 * The body of a paged list's card, the same for every list: an error with the way out (back to
 * the first page when the API refused the cursor, try again unless the request itself was bad),
 * a skeleton while the first page loads, the empty state, or the table and its pager — keeping the
 * last page shown (with a note) when a refresh fails.
 */
export function ListCardBody(props: ListCardBodyProps) {
  const { apiError, page, position } = props;
  if (props.failed && page === undefined) {
    return (
      <div className="lp-list-message">
        <InlineError
          title={props.errorTitle}
          error={props.error}
          action={
            apiError?.issueAt('cursor') ? (
              <Button size="sm" onClick={() => props.goTo(firstPage)}>
                Go to the first page
              </Button>
            ) : apiError?.status === 400 ? undefined : (
              <Button size="sm" onClick={props.onRetry}>
                Try again
              </Button>
            )
          }
        />
      </div>
    );
  }
  if (page === undefined) {
    return (
      <div className="lp-list-loading" role="status">
        <span className="lp-visually-hidden">Loading {props.noun[1]}…</span>
        {[0, 1, 2, 3, 4, 5].map((index) => (
          <div key={index} className="lp-list-skeleton" aria-hidden="true" />
        ))}
      </div>
    );
  }
  if (page.rows === 0) return <>{props.empty}</>;
  return (
    <>
      {props.failed ? (
        <div className="lp-list-message">
          <InlineError title="The list could not be refreshed; it shows what was loaded before." error={props.error} />
        </div>
      ) : null}
      {props.children}
      <Pager
        firstRow={firstRowOf(position, props.pageSize)}
        rowsShown={page.rows}
        total={page.total}
        noun={props.noun}
        hasPrevious={position.cursor !== null}
        pagesKnown={position.before.length > 0}
        hasNext={page.nextCursor !== null}
        busy={props.busy}
        onPrevious={() => props.goTo(pageBefore(position))}
        onNext={() => page.nextCursor && props.goTo(pageAfter(position, page.nextCursor))}
      />
    </>
  );
}
