import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, dataOf } from '../api/api-client.ts';
import type { components } from '../api/schema.d.ts';
import { leadsApiQueryOf, type LeadsListSearch } from './leads-list-search.ts';

export type LeadListPage = components['schemas']['LeadListPage'];
export type LeadRow = LeadListPage['leads'][number];

/** Rows per page: one screenful or two; the API counts the rest (`total`) without sending them. */
export const leadsPageSize = 50;

/**
 * One page of the leads list: the view's filters and sort, from its cursor. The page before stays on
 * screen while the next one loads, so paging and filtering never blank the table.
 */
export function leadsListQuery(search: LeadsListSearch) {
  const query = { ...leadsApiQueryOf(search), limit: leadsPageSize, ...(search.cursor ? { cursor: search.cursor } : {}) };
  return queryOptions({
    queryKey: ['leads', 'list', query] as const,
    queryFn: ({ signal }): Promise<LeadListPage> => dataOf(api.GET('/api/leads', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
