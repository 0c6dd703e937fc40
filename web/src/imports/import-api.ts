import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, dataOf } from '../api/api-client.ts';
import type { components } from '../api/schema.d.ts';
import type { ImportMapping } from './mapping-targets.ts';
import { reportPageSize, type ImportRowOutcome } from './report-search.ts';

export type ImportPreview = components['schemas']['ImportPreview'];
export type ImportReport = components['schemas']['ImportReport'];
export type ImportSummary = components['schemas']['Import'];
export type ImportRow = components['schemas']['ImportRow'];

/** How much of the file a preview after a mapping change sends: the server reads no more than this of it anyway. */
const previewBytes = 256 * 1024;

function uploadBody(file: Blob, fileName: string, mapping: ImportMapping | undefined): components['schemas']['ImportUpload'] {
  const form = new FormData();
  form.append('file', file, fileName);
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  // The generated type spells the binary `file` part as a string; on the wire it is this FormData,
  // which openapi-fetch passes through untouched (the browser then sets the multipart boundary).
  return form as unknown as components['schemas']['ImportUpload'];
}

/**
 * What importing `file` would do. Without a mapping the whole file goes up: the server then refuses a
 * file over its upload limit right away, before anyone spends time on the mapping. With one (a
 * change to a preview already made), only the start of the file is sent again.
 */
export function previewImport(file: File, mapping: ImportMapping | undefined): Promise<ImportPreview> {
  const sent = mapping === undefined ? file : file.slice(0, previewBytes);
  return dataOf(api.POST('/api/imports/preview', { body: uploadBody(sent, file.name, mapping) }));
}

export function previewQuery(file: File | null, fileKey: number, mapping: ImportMapping | undefined) {
  return queryOptions({
    queryKey: ['imports', 'preview', fileKey, mapping === undefined ? null : JSON.stringify(mapping)] as const,
    queryFn: () => previewImport(file as File, mapping),
    enabled: file !== null,
    // While a changed mapping is previewed, the table keeps showing the last answer for the same file.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === fileKey ? previous : undefined),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 5 * 60_000,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/** Runs the import: every row through capture. Resolves when the whole file is done. */
export function runImport(file: File, mapping: ImportMapping | undefined): Promise<ImportReport> {
  return dataOf(api.POST('/api/imports', { body: uploadBody(file, file.name, mapping) }));
}

export const importListQuery = queryOptions({
  queryKey: ['imports', 'list'] as const,
  queryFn: async () => (await dataOf(api.GET('/api/imports', { params: { query: { limit: 100 } } }))).imports,
});

/** One import; polled while it is still running (another person's upload, or one started in another tab). */
export function importQuery(importId: string) {
  return queryOptions({
    queryKey: ['imports', 'detail', importId] as const,
    queryFn: () => dataOf(api.GET('/api/imports/{id}', { params: { path: { id: importId } } })),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 2000 : false),
  });
}

export function importRowsQuery(importId: string, outcome: ImportRowOutcome | undefined, page: number) {
  return queryOptions({
    queryKey: ['imports', 'rows', importId, outcome ?? 'all', page] as const,
    queryFn: () =>
      dataOf(
        api.GET('/api/imports/{id}/rows', {
          params: { path: { id: importId }, query: { ...(outcome ? { outcome } : {}), limit: reportPageSize, offset: (page - 1) * reportPageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/**
 * The report the import's own run returned, kept for its page: it alone knows the unchanged count
 * and the mapping warnings (an import's stored summary has neither). Never fetched.
 */
export function runReportQuery(importId: string) {
  return queryOptions<ImportReport | null>({
    queryKey: ['imports', 'run-report', importId] as const,
    queryFn: () => null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

/** Who ran each import: people's names by id (organisation:read, which admins and marketing have). */
export const peopleQuery = queryOptions({
  queryKey: ['imports', 'people'] as const,
  queryFn: async () => {
    const { users } = await dataOf(api.GET('/api/users'));
    return new Map(users.map((user) => [user.id, user.name]));
  },
  staleTime: 5 * 60_000,
});

/** The row report as CSV (the browser downloads it: the server sends it as an attachment). */
export function rowsCsvUrl(importId: string): string {
  return `/api/imports/${encodeURIComponent(importId)}/rows.csv`;
}
