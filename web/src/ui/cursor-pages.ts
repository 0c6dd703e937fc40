/**
 * Where a keyset-paginated list stands: the cursor its page starts at (null: the first page) and
 * the cursors of the pages before it, oldest first, as far as they are known. A list opened from a
 * link that carries a cursor knows none of them; Previous then goes to the first page.
 */
export interface CursorPosition {
  cursor: string | null;
  before: readonly (string | null)[];
}

export const firstPage: CursorPosition = { cursor: null, before: [] };

/** One page on: the page just left joins the pages before. */
export function pageAfter(position: CursorPosition, nextCursor: string): CursorPosition {
  return { cursor: nextCursor, before: [...position.before, position.cursor] };
}

/** One page back, or the first page when the pages before are not known. */
export function pageBefore(position: CursorPosition): CursorPosition {
  const previous = position.before.at(-1);
  if (previous === undefined) return firstPage;
  return { cursor: previous, before: position.before.slice(0, -1) };
}

/**
 * The 1-based position of the page's first row, when the pages before it are known back to the
 * first (every page but the last holds `pageSize` rows); null when they are not.
 */
export function firstRowOf(position: CursorPosition, pageSize: number): number | null {
  if (position.cursor === null) return 1;
  if (position.before[0] !== null) return null;
  return position.before.length * pageSize + 1;
}

/** Reads `before` back from browser history state, trusting nothing about its shape. */
export function pagesBeforeFrom(state: unknown): (string | null)[] {
  if (!Array.isArray(state)) return [];
  return state.every((cursor) => cursor === null || (typeof cursor === 'string' && cursor.length <= 500)) ? (state as (string | null)[]) : [];
}
