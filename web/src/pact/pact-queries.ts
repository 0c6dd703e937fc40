import { queryOptions } from '@tanstack/react-query';
import { api, dataOf } from '../api/api-client.ts';
import type { RescoreRun } from './pact-document.ts';

/** Every pact query's key starts here, so a change (propose, approve, activate) refreshes them all at once. */
export const pactKey = ['pact'] as const;

/** The version in force, with its document and its text rendering. */
export const activePactQuery = queryOptions({
  queryKey: [...pactKey, 'active'] as const,
  queryFn: ({ signal }) => dataOf(api.GET('/api/pact', { signal })),
  staleTime: 30_000,
});

/** Every version, newest first (without documents). */
export const pactVersionsQuery = queryOptions({
  queryKey: [...pactKey, 'versions'] as const,
  queryFn: ({ signal }) => dataOf(api.GET('/api/pact-versions', { signal })),
  staleTime: 10_000,
});

export function pactVersionQuery(version: number) {
  return queryOptions({
    queryKey: [...pactKey, 'versions', version] as const,
    queryFn: ({ signal }) => dataOf(api.GET('/api/pact-versions/{version}', { params: { path: { version } }, signal })),
    staleTime: 10_000,
  });
}

/** What `version` changes from `against` (default: the version in force). */
export function pactDiffQuery(version: number, against?: number) {
  return queryOptions({
    queryKey: [...pactKey, 'versions', version, 'diff', against ?? 'active'] as const,
    queryFn: ({ signal }) => dataOf(api.GET('/api/pact-versions/{version}/diff', { params: { path: { version }, query: against === undefined ? {} : { against } }, signal })),
    staleTime: 10_000,
  });
}

const runningPollMs = 1000;

/** The rescoring after an activation, polled every second until it has finished. */
export function rescoreRunQuery(id: string) {
  return queryOptions({
    queryKey: [...pactKey, 'rescore-runs', id] as const,
    queryFn: ({ signal }) => dataOf(api.GET('/api/rescore-runs/{id}', { params: { path: { id } }, signal })),
    refetchInterval: (query) => (isFinished(query.state.data) ? false : runningPollMs),
  });
}

export function isFinished(run: RescoreRun | undefined): boolean {
  return run?.status === 'completed' || run?.status === 'failed';
}
