import { queryOptions } from '@tanstack/react-query';
import { api, dataOf } from '../api/api-client.ts';

/** A reason code of the pact that sales gives when a lead leaves the waterfall. */
export interface Disposition {
  code: string;
  label: string;
  action: 'recycle' | 'disqualify' | 'return_to_marketing';
  /** For recycling dispositions: the days until the lead resurfaces when no date is given. */
  recycleAfterDays: number | null;
}

const actions = new Set(['recycle', 'disqualify', 'return_to_marketing']);

/**
 * The dispositions of a pact document (GET /api/pact gives the document as untyped JSON; the
 * server validated it on the way in). Entries without a code and label are skipped, never guessed.
 */
export function dispositionsOf(document: unknown): Disposition[] {
  if (typeof document !== 'object' || document === null) return [];
  const list = (document as { dispositions?: unknown }).dispositions;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry): Disposition[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { code, label, action, recycleAfterDays } = entry as Record<string, unknown>;
    if (typeof code !== 'string' || typeof label !== 'string' || typeof action !== 'string' || !actions.has(action)) return [];
    return [{ code, label, action: action as Disposition['action'], recycleAfterDays: typeof recycleAfterDays === 'number' ? recycleAfterDays : null }];
  });
}

/** The dispositions a lead may leave with: for disqualifying, every code; for recycling, the recycling ones first. */
export function dispositionsFor(kind: 'disqualify' | 'recycle', all: readonly Disposition[]): Disposition[] {
  if (kind === 'disqualify') return [...all];
  return [...all.filter((d) => d.action === 'recycle'), ...all.filter((d) => d.action !== 'recycle')];
}

/** The active pact's dispositions (every role may read the pact). */
export const activeDispositionsQuery = queryOptions({
  queryKey: ['pact', 'active', 'dispositions'] as const,
  queryFn: async ({ signal }): Promise<Disposition[]> => dispositionsOf((await dataOf(api.GET('/api/pact', { signal }))).version.document),
  staleTime: 5 * 60_000,
});

/**
 * The date-time the API wants for `recycleUntil` from a date input's "YYYY-MM-DD": the start of
 * that day in the user's time zone. Null for an empty or malformed value (the API then names the field).
 */
export function recycleUntilOf(day: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
