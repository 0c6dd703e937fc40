import type { paths } from '../api/schema.d.ts';
import { formatListSort, parseListSort, type ListSort } from '../ui/list-sort.ts';
import type { SelectOption } from '../ui/select.tsx';
import { isAccountClass, type AccountClass } from './account-classes.ts';

/**
 * The accounts list's view as it lives in the URL: the API's own filters (text, class, owner,
 * industry, country), the order and the cursor of the page shown. GET /api/accounts and
 * GET /api/accounts.csv take the same filters and sort, so the query is the view minus its page.
 */
export interface AccountsListSearch {
  q?: string;
  class?: AccountClass;
  /** A user id, "me" or "unassigned". */
  owner?: string;
  industry?: string;
  /** As typed: a name or an ISO code (the API says when it knows no such country). */
  country?: string;
  /** The API's sort ("-leads"); absent: by name. */
  sort?: string;
  cursor?: string;
}

export type AccountsApiQuery = NonNullable<paths['/api/accounts.csv']['get']['parameters']['query']>;
export type AccountSortKey = 'name' | 'domain' | 'class' | 'leads' | 'created_at';

export const accountSortKeys: readonly AccountSortKey[] = ['name', 'domain', 'class', 'leads', 'created_at'];
export const defaultAccountSort: ListSort<AccountSortKey> = { key: 'name', descending: false };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function text(raw: unknown, max: number): string | undefined {
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const trimmed = String(raw).trim();
  return trimmed === '' ? undefined : trimmed.slice(0, max);
}

export function accountSortOf(search: AccountsListSearch): ListSort<AccountSortKey> {
  return parseListSort(search.sort, accountSortKeys) ?? defaultAccountSort;
}

/** `sort` as the URL keeps it: absent for the default order (by name). */
export function accountSortParam(sort: ListSort<AccountSortKey>): string | undefined {
  const formatted = formatListSort(sort);
  return formatted === formatListSort(defaultAccountSort) ? undefined : formatted;
}

/** Reads the view from the URL, dropping anything unknown or malformed. */
export function parseAccountsListSearch(search: Record<string, unknown>): AccountsListSearch {
  const parsed: AccountsListSearch = {};
  const q = text(search.q, 200);
  if (q) parsed.q = q;
  if (isAccountClass(search.class)) parsed.class = search.class;
  if (typeof search.owner === 'string' && (search.owner === 'me' || search.owner === 'unassigned' || uuidPattern.test(search.owner))) parsed.owner = search.owner;
  const industry = text(search.industry, 100);
  if (industry) parsed.industry = industry;
  const country = text(search.country, 100);
  if (country) parsed.country = country;
  const sort = parseListSort(search.sort, accountSortKeys);
  const sortParam = sort ? accountSortParam(sort) : undefined;
  if (sortParam) parsed.sort = sortParam;
  if (typeof search.cursor === 'string' && search.cursor !== '' && search.cursor.length <= 500) parsed.cursor = search.cursor;
  return parsed;
}

/** The API's filters and sort for the view (its page left out). */
export function accountsApiQueryOf(search: AccountsListSearch): AccountsApiQuery {
  const query: AccountsApiQuery = {};
  if (search.q) query.q = search.q;
  if (search.class) query.class = search.class;
  if (search.owner) query.owner = search.owner;
  if (search.industry) query.industry = search.industry;
  if (search.country) query.country = search.country;
  const sort = accountSortParam(accountSortOf(search));
  if (sort) query.sort = sort as AccountsApiQuery['sort'];
  return query;
}

/** GET /api/accounts.csv for the view: every matching account in the list's order. */
export function accountsCsvHref(search: AccountsListSearch): string {
  const params = new URLSearchParams(Object.entries(accountsApiQueryOf(search)) as [string, string][]).toString();
  return params ? `/api/accounts.csv?${params}` : '/api/accounts.csv';
}

export const accountFilterNames = ['q', 'class', 'owner', 'industry', 'country'] as const satisfies readonly (keyof AccountsListSearch)[];
export type AccountFilterName = (typeof accountFilterNames)[number];

export function activeAccountFilterCount(search: AccountsListSearch): number {
  return accountFilterNames.filter((name) => search[name] !== undefined).length;
}

export function withoutAccountFilters(search: AccountsListSearch): AccountsListSearch {
  return search.sort ? { sort: search.sort } : {};
}

export interface AccountSortChoice {
  key: AccountSortKey;
  column: string;
  firstDescending: boolean;
  ascending: string;
  descending: string;
}

/** The orders the accounts list offers, in the table's column order (owner is not one the API sorts by). */
export const accountSortChoices: readonly AccountSortChoice[] = [
  { key: 'name', column: 'Name', firstDescending: false, ascending: 'Name, A to Z', descending: 'Name, Z to A' },
  { key: 'domain', column: 'Domain', firstDescending: false, ascending: 'Domain, A to Z', descending: 'Domain, Z to A' },
  { key: 'class', column: 'Class', firstDescending: false, ascending: 'Class, A to Z', descending: 'Class, Z to A' },
  { key: 'leads', column: 'Leads', firstDescending: true, ascending: 'Fewest leads first', descending: 'Most leads first' },
  { key: 'created_at', column: 'Created', firstDescending: true, ascending: 'Oldest first', descending: 'Newest first' },
];

/** The sort menu's entries (phones, where the headers are hidden): each order both ways, its natural direction first. */
export function accountSortOptions(): SelectOption[] {
  return accountSortChoices.flatMap((choice) => {
    const ascending = { value: formatListSort({ key: choice.key, descending: false }), label: choice.ascending };
    const descending = { value: formatListSort({ key: choice.key, descending: true }), label: choice.descending };
    return choice.firstDescending ? [descending, ascending] : [ascending, descending];
  });
}
