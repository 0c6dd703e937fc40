import type { ColumnChoice } from './mapping-targets.ts';

/** Which of a file's columns the mapping table shows: a wide export has a hundred or more. */
export type ColumnView = 'all' | 'fields' | 'attributes' | 'ignored' | 'changed';

export const columnViews: readonly { value: ColumnView; label: string }[] = [
  { value: 'all', label: 'All columns' },
  { value: 'fields', label: 'Imported as lead fields' },
  { value: 'attributes', label: 'Kept as attributes' },
  { value: 'ignored', label: 'Not imported' },
  { value: 'changed', label: 'Changed by you' },
];

export interface ColumnRow {
  column: string;
  choice: ColumnChoice;
  changed: boolean;
  samples: readonly string[];
}

/**
 * Whether a column belongs in the view and matches the search text (ignoring case) in its header,
 * where it goes or its sample values. Touch columns count as lead fields: they feed the lead too.
 */
export function showsColumn(row: ColumnRow, view: ColumnView, text: string, targetLabel: string): boolean {
  const inView =
    view === 'all' ||
    (view === 'fields' && (row.choice.kind === 'field' || row.choice.kind === 'touchTime' || row.choice.kind === 'touchType')) ||
    (view === 'attributes' && row.choice.kind === 'attribute') ||
    (view === 'ignored' && row.choice.kind === 'ignore') ||
    (view === 'changed' && row.changed);
  if (!inView) return false;
  const needle = text.trim().toLowerCase();
  if (needle === '') return true;
  return [row.column, targetLabel, ...row.samples].some((value) => value.toLowerCase().includes(needle));
}
