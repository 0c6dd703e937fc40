/**
 * The audit log viewer's filters. They live in the URL (a reload, the back button and a shared link
 * keep them) as people think of them — an entity type, an action, who, and a range of whole days —
 * and become the API's query (`GET /api/audit`, `GET /api/audit.csv`) here.
 */

export const auditEntityTypes = ['lead', 'account', 'opportunity', 'campaign', 'touch', 'user', 'team', 'api_key', 'pact_version', 'import'] as const;
export const auditActions = ['create', 'update', 'delete', 'merge', 'approve', 'activate', 'revoke'] as const;
/** Actors with no id of their own to pick: filtered by type alone. */
export const actorTypesWithoutId = ['system', 'cli', 'form', 'import'] as const;

export type AuditAction = (typeof auditActions)[number];
type ActorType = 'user' | 'api_key' | (typeof actorTypesWithoutId)[number];

export interface AuditSearch {
  entityType?: string;
  entityId?: string;
  action?: AuditAction;
  /** `user:<id>`, `api_key:<id>`, or an actor type without an id (`system`, `cli`, `form`, `import`). */
  actor?: string;
  /** First day shown (YYYY-MM-DD, the viewer's own time zone). */
  from?: string;
  /** Last day shown, included. */
  to?: string;
}

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  actorType?: ActorType;
  actorId?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const idPattern = /^[\w.:@-]{1,200}$/;

function isDay(text: unknown): text is string {
  const match = typeof text === 'string' ? dayPattern.exec(text) : null;
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCDate() === Number(match[3]) && date.getUTCMonth() === Number(match[2]) - 1;
}

function isActor(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  if ((actorTypesWithoutId as readonly string[]).includes(text)) return true;
  const [type, id, ...rest] = text.split(':');
  return rest.length === 0 && (type === 'user' || type === 'api_key') && id !== undefined && idPattern.test(id);
}

/** Reads the filters from the URL, dropping anything unknown or malformed. */
export function parseAuditSearch(search: Record<string, unknown>): AuditSearch {
  const parsed: AuditSearch = {};
  if (typeof search.entityType === 'string' && /^[a-z_]{1,50}$/.test(search.entityType)) parsed.entityType = search.entityType;
  if (typeof search.entityId === 'string' && search.entityId.trim() !== '') parsed.entityId = search.entityId.trim().slice(0, 200);
  if (typeof search.action === 'string' && (auditActions as readonly string[]).includes(search.action)) parsed.action = search.action as AuditAction;
  if (isActor(search.actor)) parsed.actor = search.actor;
  if (isDay(search.from)) parsed.from = search.from;
  if (isDay(search.to)) parsed.to = search.to;
  return parsed;
}

/** Midnight at the start of `day` in the viewer's time zone, as an ISO instant. */
export function startOfLocalDay(day: string, offsetDays = 0): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date + offsetDays).toISOString();
}

/** The API's query for the filters: days become instants (`to` is exclusive there, so the last day runs to the next midnight). */
export function auditQueryOf(search: AuditSearch): AuditQuery {
  const query: AuditQuery = {};
  if (search.entityType) query.entityType = search.entityType;
  if (search.entityId) query.entityId = search.entityId;
  if (search.action) query.action = search.action;
  if (search.actor) {
    const [type, id] = search.actor.split(':') as [ActorType, string | undefined];
    query.actorType = type;
    if (id) query.actorId = id;
  }
  if (search.from) query.from = startOfLocalDay(search.from);
  if (search.to) query.to = startOfLocalDay(search.to, 1);
  return query;
}

/** The CSV export of exactly what the viewer shows (same filters, every page). */
export function auditCsvHref(search: AuditSearch): string {
  const params = new URLSearchParams(Object.entries(auditQueryOf(search)) as [string, string][]);
  const text = params.toString();
  return text ? `/api/audit.csv?${text}` : '/api/audit.csv';
}

/** Whether any filter is set (the empty state then offers to clear them). */
export function hasAuditFilters(search: AuditSearch): boolean {
  return Object.values(search).some((value) => value !== undefined && value !== '');
}
