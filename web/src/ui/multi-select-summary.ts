import type { SelectOption } from './select.tsx';

/** What the closed control shows: nothing ticked, one or two labels, or a count. */
export function multiSelectSummary(options: readonly SelectOption[], value: readonly string[], placeholder: string, plural: string): string {
  const ticked = options.filter((option) => value.includes(option.value));
  if (ticked.length === 0) return placeholder;
  if (ticked.length <= 2) return ticked.map((option) => option.label).join(', ');
  return `${ticked.length} ${plural}`;
}
