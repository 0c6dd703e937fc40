import { isAccountClass, type AccountClass } from '../accounts/account-classes.ts';
import type { paths } from '../api/schema.d.ts';
import type { Grade, Stage } from '../ui/badge.tsx';
import { formatListSort, parseListSort, type ListSort } from '../ui/list-sort.ts';

/**
 * The leads list's view as it lives in the URL (a reload, Back and Forward, and a shared link keep
 * it): the filters as people pick them — stages, grades, an owner, whole days — the order, and the
 * cursor of the page shown. `leadsApiQueryOf` turns it into the query of GET /api/leads and
 * GET /api/leads.csv, which take the same filters and sort.
 */
export interface LeadsListSearch {
  /** Comma-separated stages in funnel order ("mql,sal"). */
  stage?: string;
  /** Comma-separated grades ("A,B"). */
  grade?: string;
  /** A user id, "me" or "unassigned". */
  owner?: string;
  team?: string;
  /** An account id: only its leads (the account page links here). */
  account?: string;
  source?: string;
  class?: AccountClass;
  /** First day created (YYYY-MM-DD, the viewer's time zone). */
  from?: string;
  /** Last day created, included. */
  to?: string;
  q?: string;
  /** The API's sort ("-score"); absent: newest first. */
  sort?: string;
  /** Where the page shown starts (the API's nextCursor of the page before). */
  cursor?: string;
}

export type LeadsApiQuery = NonNullable<paths['/api/leads.csv']['get']['parameters']['query']>;
export type LeadSortKey = 'created_at' | 'score' | 'grade' | 'company' | 'name' | 'stage' | 'owner' | 'source' | 'stage_changed_at';

export const leadSortKeys: readonly LeadSortKey[] = ['created_at', 'score', 'grade', 'company', 'name', 'stage', 'owner', 'source', 'stage_changed_at'];
export const defaultLeadSort: ListSort<LeadSortKey> = { key: 'created_at', descending: true };
/** The stages in funnel order, then the side exits (the order the API's `stage` sort follows). */
export const leadStages: readonly Stage[] = ['inquiry', 'mql', 'sal', 'sql', 'won', 'lost', 'junk', 'disqualified', 'recycled'];
export const leadGrades: readonly Grade[] = ['A', 'B', 'C', 'D'];

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isDay(text: unknown): text is string {
  const match = typeof text === 'string' ? dayPattern.exec(text) : null;
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

/** The known values among a comma-separated text (or an array), once each, in `known`'s order. */
function knownValues<Value extends string>(raw: unknown, known: readonly Value[]): Value[] {
  const parts = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [];
  const wanted = new Set(parts.filter((part): part is string => typeof part === 'string').map((part) => part.trim()));
  return known.filter((value) => wanted.has(value));
}

function text(raw: unknown, max: number): string | undefined {
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const trimmed = String(raw).trim();
  return trimmed === '' ? undefined : trimmed.slice(0, max);
}

export function stagesOf(search: LeadsListSearch): Stage[] {
  return knownValues(search.stage, leadStages);
}

export function gradesOf(search: LeadsListSearch): Grade[] {
  return knownValues(search.grade, leadGrades);
}

export function leadSortOf(search: LeadsListSearch): ListSort<LeadSortKey> {
  return parseListSort(search.sort, leadSortKeys) ?? defaultLeadSort;
}

/** `sort` as the URL keeps it: absent for the default order, so the plain list has a plain URL. */
export function leadSortParam(sort: ListSort<LeadSortKey>): string | undefined {
  const text = formatListSort(sort);
  return text === formatListSort(defaultLeadSort) ? undefined : text;
}

/** Reads the view from the URL's search params, dropping anything unknown or malformed (a hand-edited URL never breaks the page). */
export function parseLeadsListSearch(search: Record<string, unknown>): LeadsListSearch {
  const parsed: LeadsListSearch = {};
  const stages = knownValues(search.stage, leadStages);
  if (stages.length > 0) parsed.stage = stages.join(',');
  const grades = knownValues(search.grade, leadGrades);
  if (grades.length > 0) parsed.grade = grades.join(',');
  if (typeof search.owner === 'string' && (search.owner === 'me' || search.owner === 'unassigned' || uuidPattern.test(search.owner))) parsed.owner = search.owner;
  if (typeof search.team === 'string' && uuidPattern.test(search.team)) parsed.team = search.team;
  if (typeof search.account === 'string' && uuidPattern.test(search.account)) parsed.account = search.account;
  const source = text(search.source, 100);
  if (source) parsed.source = source;
  if (isAccountClass(search.class)) parsed.class = search.class;
  if (isDay(search.from)) parsed.from = search.from;
  if (isDay(search.to)) parsed.to = search.to;
  const q = text(search.q, 200);
  if (q) parsed.q = q;
  const sort = parseListSort(search.sort, leadSortKeys);
  const sortParam = sort ? leadSortParam(sort) : undefined;
  if (sortParam) parsed.sort = sortParam;
  if (typeof search.cursor === 'string' && search.cursor !== '' && search.cursor.length <= 500) parsed.cursor = search.cursor;
  return parsed;
}

/** Midnight at the start of `day` (plus `offsetDays`) in the viewer's time zone, as an ISO instant. */
export function startOfLocalDay(day: string, offsetDays = 0): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date + offsetDays).toISOString();
}

/**
 * The API's filters and sort for the view: days become instants in the viewer's time zone, and
 * since the API's `createdTo` is exclusive, the last day runs to the next midnight.
 */
export function leadsApiQueryOf(search: LeadsListSearch): LeadsApiQuery {
  const query: LeadsApiQuery = {};
  const stages = stagesOf(search);
  if (stages.length > 0) query.stage = stages.join(',');
  const grades = gradesOf(search);
  if (grades.length > 0) query.grade = grades.join(',');
  if (search.owner) query.owner = search.owner;
  if (search.team) query.team = search.team;
  if (search.account) query.account = search.account;
  if (search.source) query.source = search.source;
  if (search.class) query.class = search.class;
  if (search.from) query.createdFrom = startOfLocalDay(search.from);
  if (search.to) query.createdTo = startOfLocalDay(search.to, 1);
  if (search.q) query.q = search.q;
  const sort = leadSortParam(leadSortOf(search));
  if (sort) query.sort = sort as LeadsApiQuery['sort'];
  return query;
}

/** GET /api/leads.csv for the view: every matching lead in the list's order (the browser downloads it with the session cookie). */
export function leadsCsvHref(search: LeadsListSearch): string {
  const params = new URLSearchParams(Object.entries(leadsApiQueryOf(search)) as [string, string][]).toString();
  return params ? `/api/leads.csv?${params}` : '/api/leads.csv';
}

/** The filters of the view (neither its order nor its page), to say what narrowed it and to clear them. */
export const leadFilterNames = ['stage', 'grade', 'owner', 'team', 'account', 'source', 'class', 'from', 'to', 'q'] as const satisfies readonly (keyof LeadsListSearch)[];

export function activeLeadFilterCount(search: LeadsListSearch): number {
  return leadFilterNames.filter((name) => search[name] !== undefined).length;
}

/** The view without filters or page, its order kept. */
export function withoutLeadFilters(search: LeadsListSearch): LeadsListSearch {
  return search.sort ? { sort: search.sort } : {};
}

/** A date range that ends before it starts finds nothing: said at the "to" field rather than shown as an empty list. */
export function createdRangeProblem(search: LeadsListSearch): string | null {
  if (search.from && search.to && search.to < search.from) return 'The last day is before the first day.';
  return null;
}
