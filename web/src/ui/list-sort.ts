/**
 * A list's order as the API's `sort` parameter writes it: one key, `-` in front for descending
 * (`-score`). The lists keep it in the URL in that form and the sortable headers change it.
 */
export interface ListSort<Key extends string> {
  key: Key;
  descending: boolean;
}

/** `-score` → { key: 'score', descending: true }; anything that is not one of `keys` → null. */
export function parseListSort<Key extends string>(text: unknown, keys: readonly Key[]): ListSort<Key> | null {
  if (typeof text !== 'string') return null;
  const descending = text.startsWith('-');
  const key = descending ? text.slice(1) : text;
  return (keys as readonly string[]).includes(key) ? { key: key as Key, descending } : null;
}

export function formatListSort(sort: ListSort<string>): string {
  return `${sort.descending ? '-' : ''}${sort.key}`;
}

/**
 * The order after a column's header is pressed: the column already sorted on flips direction;
 * another column starts in its natural direction (`firstDescending`: highest score, newest first).
 */
export function sortAfterPressing<Key extends string>(current: ListSort<Key>, key: Key, firstDescending: boolean): ListSort<Key> {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: firstDescending };
}

/** The `aria-sort` of a column's header: set only on the column the list is sorted by. */
export function ariaSortOf(current: ListSort<string>, key: string): 'ascending' | 'descending' | undefined {
  if (current.key !== key) return undefined;
  return current.descending ? 'descending' : 'ascending';
}
