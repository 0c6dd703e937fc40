import { roleLabels } from '../shell/role-labels.ts';
import type { AuditEntry } from './admin-types.ts';
import { awayUntilLabel } from './away-date.ts';
import { formatInstant } from './format-instant.ts';

/**
 * How an audit entry reads: who, what, and each value old → new in words. The log stores database
 * columns (`away_until`, `team_id`) and raw values (ids, instants); here they become labels, names
 * and dates. Pure: the names and time zones are passed in.
 */
export interface AuditNames {
  users: ReadonlyMap<string, string>;
  teams: ReadonlyMap<string, string>;
  apiKeys: ReadonlyMap<string, string>;
  /** The pact calendar's zone: an away date given as a day is midnight there. */
  calendarTimeZone: string;
  /** The zone the viewer reads times in. */
  displayTimeZone: string;
}

export interface AuditValueRow {
  column: string;
  label: string;
  /** The value before, in words; null when there was none (a create, or a column that was empty). */
  before: string | null;
  after: string | null;
}

export const entityTypeLabels: Record<string, string> = {
  lead: 'Lead',
  account: 'Account',
  opportunity: 'Opportunity',
  campaign: 'Campaign',
  touch: 'Touch',
  user: 'User',
  team: 'Team',
  api_key: 'API key',
  pact_version: 'Pact version',
  import: 'Import',
};

export const actionLabels: Record<string, string> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  merge: 'Merged',
  approve: 'Approved',
  activate: 'Activated',
  revoke: 'Revoked',
};

const columnLabels: Record<string, string> = { email: 'E-mail', open_lead_count: 'Open leads', account_class: 'Account class', user_id: 'Owner', mql_at: 'MQL at', sql_at: 'SQL at', sal_at: 'SAL at' };
const userColumns = new Set(['user_id', 'owner_id', 'manager_id', 'assigned_to', 'created_by']);
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A column's label: `away_until` → "Away until", `team_id` → "Team". */
export function auditColumnLabel(column: string): string {
  const known = columnLabels[column];
  if (known) return known;
  const words = column.replace(/_id$/, '').replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One value in words; null for no value. Ids become names where the viewer knows them. */
export function formatAuditValue(column: string, value: unknown, names: AuditNames): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (column === 'team_id') return names.teams.get(value) ?? value;
    if (userColumns.has(column)) return names.users.get(value) ?? value;
    if (column === 'role') return roleLabels[value as keyof typeof roleLabels] ?? value;
    if (isoInstant.test(value)) return column === 'away_until' ? awayUntilLabel(value, names.calendarTimeZone) : formatInstant(value, names.displayTimeZone);
    return value;
  }
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map((item) => formatAuditValue(column, item, names) ?? '—').join(', ');
  return JSON.stringify(value);
}

/** The columns an entry touched, each with its value before and after, in the order the log has them. */
export function auditValueRows(entry: Pick<AuditEntry, 'oldValues' | 'newValues'>, names: AuditNames): AuditValueRow[] {
  const before = entry.oldValues ?? {};
  const after = entry.newValues ?? {};
  const columns = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return columns.map((column) => ({
    column,
    label: auditColumnLabel(column),
    before: formatAuditValue(column, before[column], names),
    after: formatAuditValue(column, after[column], names),
  }));
}

/** One line on what an entry did: "Created", "Changed capacity and away until", "Revoked". */
export function auditEntrySummary(entry: Pick<AuditEntry, 'action' | 'oldValues' | 'newValues'>): string {
  const verb = actionLabels[entry.action] ?? entry.action;
  if (entry.action !== 'update') return verb;
  const labels = [...new Set([...Object.keys(entry.newValues ?? {}), ...Object.keys(entry.oldValues ?? {})])].map((column) => auditColumnLabel(column).toLocaleLowerCase());
  if (labels.length === 0) return verb;
  const shown = labels.length > 4 ? [...labels.slice(0, 3), `${labels.length - 3} more`] : labels;
  return `${verb} ${shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`}`;
}

/** What the entry is about: the user's or team's name, the key's name, else its type and id. */
export function auditEntityLabel(entry: Pick<AuditEntry, 'entityType' | 'entityId' | 'newValues'>, names: AuditNames): string {
  const type = entityTypeLabels[entry.entityType] ?? auditColumnLabel(entry.entityType);
  const recorded = typeof entry.newValues?.name === 'string' ? entry.newValues.name : undefined;
  const name =
    entry.entityType === 'user' ? names.users.get(entry.entityId) : entry.entityType === 'team' ? names.teams.get(entry.entityId) : entry.entityType === 'api_key' ? names.apiKeys.get(entry.entityId) : undefined;
  // A bare uuid says little and takes a line: its start tells records apart (the whole id is in the details).
  const id = /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(entry.entityId) ? `${entry.entityId.slice(0, 8)}…` : entry.entityId;
  return `${type} ${name ?? recorded ?? id}`;
}

/** Who made the change, in words. */
export function auditActorLabel(entry: Pick<AuditEntry, 'actorType' | 'actorId'>, names: AuditNames): string {
  const id = entry.actorId ?? '';
  switch (entry.actorType) {
    case 'user':
      return names.users.get(id) ?? `User ${id}`;
    case 'api_key':
      return `API key ${names.apiKeys.get(id) ?? id}`;
    case 'system':
      return 'leadpact (system)';
    case 'cli':
      return 'CLI operator';
    case 'form':
      return 'Web form';
    case 'import':
      return id ? `Import ${id.slice(0, 8)}` : 'Import';
    default:
      return id ? `${entry.actorType} ${id}` : entry.actorType;
  }
}
