import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, dataOf } from '../api/api-client.ts';
import { isApiError } from '../api/api-error.ts';
import type { ApiKey, OrganisationUser, Team } from './admin-types.ts';
import type { AuditQuery } from './audit-search.ts';
import { calendarTimeZoneOf } from './away-date.ts';

/** Everything the admin screens cache starts with this key: a change made here refreshes it all at once. */
export const adminQueryKey = ['admin'] as const;

export const organisationUsersQuery = queryOptions({
  queryKey: [...adminQueryKey, 'users'] as const,
  queryFn: async ({ signal }): Promise<OrganisationUser[]> => (await dataOf(api.GET('/api/users', { signal }))).users,
  staleTime: 30_000,
});

export const teamsQuery = queryOptions({
  queryKey: [...adminQueryKey, 'teams'] as const,
  queryFn: async ({ signal }): Promise<Team[]> => (await dataOf(api.GET('/api/teams', { signal }))).teams,
  staleTime: 30_000,
});

/** Everyone's keys, newest first (revoked ones too: they stay on the list with the time they stopped). */
export const apiKeysQuery = queryOptions({
  queryKey: [...adminQueryKey, 'api-keys'] as const,
  queryFn: async ({ signal }): Promise<ApiKey[]> => (await dataOf(api.GET('/api/api-keys', { params: { query: { all: 'true' } }, signal }))).apiKeys,
  staleTime: 30_000,
});

/**
 * The pact calendar's time zone, in which an away date given as a day starts (null: no pact is
 * active, or it names none — the screens then use the browser's zone).
 */
export const calendarTimeZoneQuery = queryOptions({
  queryKey: [...adminQueryKey, 'calendar-time-zone'] as const,
  queryFn: async ({ signal }): Promise<string | null> => {
    try {
      return calendarTimeZoneOf((await dataOf(api.GET('/api/pact', { signal }))).version.document);
    } catch (error) {
      if (isApiError(error) && error.status === 404) return null;
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

export const auditPageSize = 50;

/** The audit log for the filters, newest first, one page at a time (`fetchNextPage` follows the cursor). */
export function auditLogQuery(query: AuditQuery) {
  return infiniteQueryOptions({
    queryKey: [...adminQueryKey, 'audit', query] as const,
    queryFn: ({ pageParam, signal }) => dataOf(api.GET('/api/audit', { params: { query: { ...query, limit: auditPageSize, ...(pageParam ? { cursor: pageParam } : {}) } }, signal })),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
