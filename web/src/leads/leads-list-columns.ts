import { formatListSort } from '../ui/list-sort.ts';
import type { SelectOption } from '../ui/select.tsx';
import type { LeadSortKey } from './leads-list-search.ts';

export interface LeadSortChoice {
  key: LeadSortKey;
  /** The column header (absent: the order has no column, only an entry in the phone's sort menu). */
  column?: string;
  /** The way a first press on the header sorts: numbers and dates biggest or newest first. */
  firstDescending: boolean;
  /** The order in words, both ways, for the sort menu shown where the headers are hidden (phones). */
  ascending: string;
  descending: string;
}

/** The orders the leads list offers, in the table's column order. */
export const leadSortChoices: readonly LeadSortChoice[] = [
  { key: 'name', column: 'Name', firstDescending: false, ascending: 'Name, A to Z', descending: 'Name, Z to A' },
  { key: 'company', column: 'Company', firstDescending: false, ascending: 'Company, A to Z', descending: 'Company, Z to A' },
  { key: 'grade', column: 'Grade', firstDescending: false, ascending: 'Grade, A first', descending: 'Grade, D first' },
  { key: 'score', column: 'Score', firstDescending: true, ascending: 'Score, lowest first', descending: 'Score, highest first' },
  { key: 'stage', column: 'Stage', firstDescending: false, ascending: 'Stage, along the funnel', descending: 'Stage, funnel reversed' },
  { key: 'owner', column: 'Owner', firstDescending: false, ascending: 'Owner, A to Z', descending: 'Owner, Z to A' },
  { key: 'source', column: 'Source', firstDescending: false, ascending: 'Source, A to Z', descending: 'Source, Z to A' },
  { key: 'created_at', column: 'Created', firstDescending: true, ascending: 'Oldest first', descending: 'Newest first' },
  { key: 'stage_changed_at', firstDescending: false, ascending: 'Longest in its stage first', descending: 'Latest stage change first' },
];

export function leadSortChoice(key: LeadSortKey): LeadSortChoice {
  return leadSortChoices.find((choice) => choice.key === key) ?? leadSortChoices[0]!;
}

/** The sort menu's entries: each order both ways, its natural direction first, values in the API's form ("-score"). */
export function leadSortOptions(): SelectOption[] {
  return leadSortChoices.flatMap((choice) => {
    const ascending = { value: formatListSort({ key: choice.key, descending: false }), label: choice.ascending };
    const descending = { value: formatListSort({ key: choice.key, descending: true }), label: choice.descending };
    return choice.firstDescending ? [descending, ascending] : [ascending, descending];
  });
}
