import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api, dataOf, rememberCsrfToken } from '../api/api-client.ts';
import type { components } from '../api/schema.d.ts';

export type Me = components['schemas']['Me'];
export type Role = Me['user']['role'];

/** Who is signed in, from GET /api/auth/me; it also hands the API client the session's CSRF token. */
export const meQuery = queryOptions({
  queryKey: ['session', 'me'] as const,
  queryFn: async (): Promise<Me> => {
    const me = await dataOf(api.GET('/api/auth/me'));
    rememberCsrfToken(me.csrfToken);
    return me;
  },
  staleTime: Number.POSITIVE_INFINITY,
  retry: false,
});

/** The signed-in user. Only inside the signed-in layout, which loads it before rendering. */
export function useMe(): Me {
  return useSuspenseQuery(meQuery).data;
}
