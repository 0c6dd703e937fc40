import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, dataOf } from '../api/api-client.ts';
import type { LeadSummary } from './inbox-order.ts';
import { inboxViews, type InboxView } from './inbox-search.ts';

const pageSize = 500;
/** A rep holds at most a few hundred open leads (capacity caps); this bounds a closed-leads view. */
const maxPages = 10;

export interface MyLeads {
  leads: LeadSummary[];
  /** More leads matched than were loaded (maxPages × pageSize). */
  truncated: boolean;
}

/**
 * The signed-in user's leads in `view`, matching the search text, all pages of GET /api/leads
 * (the API lists newest first; the inbox sorts by grade and waiting time itself — see inbox-order.ts).
 */
export function myLeadsQuery(ownerId: string, view: InboxView, text: string) {
  const stages = inboxViews[view].stages;
  return queryOptions({
    queryKey: ['leads', 'owned-by', ownerId, view, text] as const,
    queryFn: async ({ signal }): Promise<MyLeads> => {
      const leads: LeadSummary[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < maxPages; page += 1) {
        const query = { owner: ownerId, limit: pageSize, ...(stages ? { stage: stages.join(',') } : {}), ...(text ? { q: text } : {}), ...(cursor ? { cursor } : {}) };
        const result = await dataOf(api.GET('/api/leads', { params: { query }, signal }));
        leads.push(...result.leads);
        if (!result.nextCursor) return { leads, truncated: false };
        cursor = result.nextCursor;
      }
      return { leads, truncated: true };
    },
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
