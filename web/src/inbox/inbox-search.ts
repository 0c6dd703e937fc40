import type { Grade, Stage } from '../ui/badge.tsx';

/** Which of my leads the inbox shows; "to-work" (waiting for acceptance or being worked) is the default. */
export const inboxViews = {
  'to-work': { label: 'To work (MQL, SAL)', stages: ['mql', 'sal'] },
  opportunities: { label: 'Opportunities (SQL)', stages: ['sql'] },
  open: { label: 'All open', stages: ['inquiry', 'mql', 'sal', 'sql'] },
  closed: { label: 'Closed', stages: ['won', 'lost', 'disqualified', 'recycled', 'junk'] },
  all: { label: 'All my leads', stages: null },
} as const satisfies Record<string, { label: string; stages: readonly Stage[] | null }>;

export type InboxView = keyof typeof inboxViews;

/** The inbox's filters, kept in the URL so a reload, the back button and a shared link keep them. */
export interface InboxSearch {
  view?: InboxView;
  grade?: Grade;
  source?: string;
  q?: string;
}

const grades: readonly string[] = ['A', 'B', 'C', 'D'];

function isInboxView(value: unknown): value is InboxView {
  return typeof value === 'string' && Object.hasOwn(inboxViews, value);
}

/** Reads the filters from the URL's search params, dropping anything unknown (a hand-edited URL never breaks the page). */
export function parseInboxSearch(search: Record<string, unknown>): InboxSearch {
  const parsed: InboxSearch = {};
  if (isInboxView(search.view) && search.view !== 'to-work') parsed.view = search.view;
  if (typeof search.grade === 'string' && grades.includes(search.grade)) parsed.grade = search.grade as Grade;
  if (typeof search.source === 'string' && search.source.trim() !== '') parsed.source = search.source.slice(0, 100);
  if (typeof search.q === 'string' && search.q.trim() !== '') parsed.q = search.q.slice(0, 200);
  return parsed;
}
