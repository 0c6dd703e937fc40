import { isUuid } from '../identity/uuid.ts';

/**
 * How a list is ordered: one key, ascending or descending; ties are always broken by id in the same
 * direction, and rows without a value for the key come last in both directions.
 */
export interface ListSort<Key extends string> {
  key: Key;
  descending: boolean;
}

/** `-score` → { key: 'score', descending: true }; the form the API, the CLI and cursors use. */
export function formatListSort(sort: ListSort<string>): string {
  return `${sort.descending ? '-' : ''}${sort.key}`;
}

/** Reads `score` or `-score`; an unknown key is an error that lists the keys allowed. */
export function parseListSort<Key extends string>(text: string, keys: readonly Key[]): { ok: true; sort: ListSort<Key> } | { ok: false; message: string } {
  const descending = text.startsWith('-');
  const key = descending ? text.slice(1) : text;
  if ((keys as readonly string[]).includes(key)) return { ok: true, sort: { key: key as Key, descending } };
  return { ok: false, message: `unknown sort "${text}"; expected one of ${keys.join(', ')}, each optionally prefixed with - for descending` };
}

/**
 * Where the next page starts: the sort it belongs to, the last row's value of the sort key (null when
 * that row had none; timestamps as ISO text with microseconds) and the last row's id.
 */
export interface KeysetCursor {
  sort: string;
  value: string | number | null;
  id: string;
}

export function encodeKeysetCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString('base64url');
}

/**
 * Reads a cursor made by encodeKeysetCursor for the same sort. A cursor of another sort would start
 * the page at a meaningless place, so it is refused rather than silently restarting the list.
 */
export function decodeKeysetCursor(text: string, sort: string): { ok: true; cursor: KeysetCursor } | { ok: false; message: string } {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parts = null;
  }
  if (!Array.isArray(parts) || parts.length !== 3) return { ok: false, message: 'not a cursor returned by this endpoint' };
  const [cursorSort, value, id] = parts as unknown[];
  const valueOk = value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
  if (typeof cursorSort !== 'string' || typeof id !== 'string' || !isUuid(id) || !valueOk) return { ok: false, message: 'not a cursor returned by this endpoint' };
  if (cursorSort !== sort) return { ok: false, message: `this cursor belongs to sort ${cursorSort}, not ${sort}; start again without a cursor` };
  return { ok: true, cursor: { sort: cursorSort, value: value as KeysetCursor['value'], id } };
}
