import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, dataOf } from '../api/api-client.ts';
import type { components } from '../api/schema.d.ts';
import { accountsApiQueryOf, type AccountsListSearch } from './accounts-list-search.ts';

export type AccountListPage = components['schemas']['AccountListPage'];
export type AccountRow = AccountListPage['accounts'][number];
export type AccountDetail = components['schemas']['AccountDetail'];

export const accountsPageSize = 50;

/** One page of the accounts list from its cursor, with the total; the page before stays on screen while the next loads. */
export function accountsListQuery(search: AccountsListSearch) {
  const query = { ...accountsApiQueryOf(search), limit: accountsPageSize, ...(search.cursor ? { cursor: search.cursor } : {}) };
  return queryOptions({
    queryKey: ['accounts', 'list', query] as const,
    queryFn: ({ signal }): Promise<AccountListPage> => dataOf(api.GET('/api/accounts', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** One account with its owner, lead counts and newest leads (only those the caller may see). */
export function accountDetailQuery(accountId: string) {
  return queryOptions({
    queryKey: ['accounts', 'detail', accountId] as const,
    queryFn: ({ signal }): Promise<AccountDetail> => dataOf(api.GET('/api/accounts/{id}', { params: { path: { id: accountId } }, signal })),
    staleTime: 30_000,
  });
}
