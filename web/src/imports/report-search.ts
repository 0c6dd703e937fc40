import type { components } from '../api/schema.d.ts';

export type ImportRowOutcome = components['schemas']['ImportRow']['outcome'];

/** The outcomes in the order the report lists them, with the words it uses. */
export const rowOutcomes: readonly { outcome: ImportRowOutcome; label: string }[] = [
  { outcome: 'created', label: 'Created' },
  { outcome: 'merged', label: 'Merged' },
  { outcome: 'junk', label: 'Junk' },
  { outcome: 'rejected', label: 'Rejected' },
];

/** An import report's filters, kept in the URL so a filtered page can be shared and survives a reload. */
export interface ImportReportSearch {
  outcome?: ImportRowOutcome;
  /** 1-based; absent means the first page. */
  page?: number;
}

export const reportPageSize = 50;

/** Reads the report's search parameters; anything unknown or malformed is dropped rather than refused. */
export function parseImportReportSearch(search: Record<string, unknown>): ImportReportSearch {
  const outcome = rowOutcomes.find((entry) => entry.outcome === search.outcome)?.outcome;
  const page = Number(search.page);
  return {
    ...(outcome ? { outcome } : {}),
    ...(Number.isInteger(page) && page > 1 ? { page } : {}),
  };
}

/** The rows a page shows, 1-based for people ("51–100 of 312"), and whether there are pages around it. */
export function pageWindow(page: number, total: number, pageSize = reportPageSize): { first: number; last: number; hasPrevious: boolean; hasNext: boolean; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  const first = total === 0 ? 0 : (current - 1) * pageSize + 1;
  const last = Math.min(total, current * pageSize);
  return { first, last, hasPrevious: current > 1, hasNext: current < pageCount, pageCount };
}
