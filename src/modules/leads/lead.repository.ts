import { sql } from 'kysely';
import { bulkInsert, type ColumnTypes } from '../../db/bulk-insert.ts';
import type { Db, LeadRow, LeadUpdate } from '../../db/database.ts';

/** Columns written when a lead is created, with their PostgreSQL types (see bulkInsert). */
export const leadColumnTypes: ColumnTypes = {
  id: 'uuid',
  email: 'text',
  email_key: 'text',
  email_domain: 'text',
  email_kind: 'text',
  first_name: 'text',
  last_name: 'text',
  title: 'text',
  seniority: 'text',
  phone: 'text',
  phone_valid: 'boolean',
  company: 'text',
  company_key: 'text',
  website: 'text',
  website_domain: 'text',
  industry: 'text',
  employees: 'integer',
  annual_revenue_minor: 'bigint',
  country: 'text',
  state: 'text',
  city: 'text',
  source: 'text',
  campaign_id: 'uuid',
  external_source: 'text',
  external_id: 'text',
  attributes: 'jsonb',
  name_key: 'text',
  account_id: 'uuid',
  stage: 'text',
  stage_changed_at: 'timestamptz',
  junk_code: 'text',
  junk_reason: 'text',
  fit_score: 'integer',
  engagement_score: 'double precision',
  score: 'integer',
  grade: 'text',
  score_explanation: 'jsonb',
  scored_at: 'timestamptz',
  mql_clause: 'text',
  pact_version_id: 'uuid',
  account_class: 'text',
  team_id: 'uuid',
  owner_id: 'uuid',
  assigned_at: 'timestamptz',
  routing: 'jsonb',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};

/** A lead as the capture pipeline builds it (jsonb values as objects; bulkInsert serializes them). */
export type LeadToInsert = Record<keyof typeof leadColumnTypes, unknown>;

/** Columns of one lead to change, by name (those of leadColumnTypes), with their new values (jsonb as objects). */
export type LeadChanges = Record<string, unknown>;

/**
 * Inserts new leads. Returns the ids actually inserted: a lead whose e-mail key or external id
 * a concurrent capture took first is skipped (the caller retries the batch against the winner).
 */
export async function insertLeads(db: Db, leads: readonly LeadToInsert[]): Promise<Set<string>> {
  const inserted = await bulkInsert<{ id: string }>(db, 'leads', leadColumnTypes, leads, {
    conflict: sql`on conflict do nothing`,
    returning: ['id'],
  });
  return new Set(inserted.map((row) => row.id));
}

export interface ExternalKey {
  source: string;
  id: string;
}

export interface IdentityMatches {
  byEmailKey: Map<string, LeadRow>;
  /** Keyed `source:id`. */
  byExternalKey: Map<string, LeadRow>;
}

/**
 * Resolves leads found by e-mail match key or external id (see findCaptureContext) to the live lead
 * of each key. A key that belongs to a lead merged into another resolves to the survivor (read here
 * when it was not among the rows), so a merged-away address never comes back as a new lead.
 */
export async function resolveIdentityMatches(db: Db, direct: readonly LeadRow[]): Promise<IdentityMatches> {
  const survivors = await followMerges(db, direct);
  const matches: IdentityMatches = { byEmailKey: new Map(), byExternalKey: new Map() };
  // Live rows first, so a key that is both live and merged-away resolves to the live lead.
  for (const row of [...direct].sort((a, b) => Number(a.merged_into_id !== null) - Number(b.merged_into_id !== null))) {
    const live = survivors.get(row.id);
    if (!live) continue;
    if (row.email_key && !matches.byEmailKey.has(row.email_key)) matches.byEmailKey.set(row.email_key, live);
    const external = row.external_id ? `${row.external_source}:${row.external_id}` : null;
    if (external && !matches.byExternalKey.has(external)) matches.byExternalKey.set(external, live);
  }
  return matches;
}

/** Maps each row's id to its live survivor row (itself when not merged), following merge chains. */
async function followMerges(db: Db, rows: readonly LeadRow[]): Promise<Map<string, LeadRow>> {
  const resolved = new Map<string, LeadRow>();
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (let depth = 0; depth < 10; depth += 1) {
    const missing = [...new Set([...byId.values()].map((row) => row.merged_into_id).filter((id): id is string => id !== null && !byId.has(id)))];
    if (missing.length === 0) break;
    for (const row of await db.selectFrom('leads').selectAll().where('id', 'in', missing).execute()) byId.set(row.id, row);
  }
  for (const row of rows) {
    let current: LeadRow | undefined = row;
    for (let depth = 0; current?.merged_into_id && depth < 10; depth += 1) current = byId.get(current.merged_into_id);
    if (current && current.merged_into_id === null) resolved.set(row.id, current);
  }
  return resolved;
}

export async function findLeadById(db: Db, id: string): Promise<LeadRow | undefined> {
  return db.selectFrom('leads').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateLead(db: Db, id: string, changes: LeadUpdate): Promise<void> {
  await db.updateTable('leads').set(changes).where('id', '=', id).execute();
}

/**
 * Changes many leads: one statement per distinct set of changed columns (a capture batch usually
 * has one or two), the rows travelling as JSON like bulkInsert's. Only columns of leadColumnTypes.
 */
export async function updateLeads(db: Db, updates: readonly { id: string; changes: LeadChanges }[]): Promise<void> {
  const changedColumns = (changes: LeadChanges) => Object.keys(changes).filter((column) => changes[column] !== undefined);
  const byColumns = Map.groupBy(updates, (update) => changedColumns(update.changes).sort().join(','));
  for (const [key, group] of byColumns) {
    if (key === '') continue;
    const columns = key.split(',');
    const unknown = columns.find((column) => !(column in leadColumnTypes) || column === 'id');
    if (unknown !== undefined) throw new Error(`updateLeads: "${unknown}" is not an updatable lead column`);
    const assignments = sql.raw(columns.map((column) => `"${column}" = r."${column}"`).join(', '));
    const recordDefinition = sql.raw(['id uuid', ...columns.map((column) => `"${column}" ${leadColumnTypes[column]}`)].join(', '));
    const payload = JSON.stringify(group.map((update) => ({ ...update.changes, id: update.id })));
    await sql`update leads set ${assignments} from jsonb_to_recordset(${payload}::jsonb) as r(${recordDefinition}) where leads.id = r.id`.execute(db);
  }
}

/** The lead with its row locked for the rest of the transaction. */
export async function lockLeadById(db: Db, id: string): Promise<LeadRow | undefined> {
  return db.selectFrom('leads').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The live lead with this e-mail match key, following a merge to its survivor. */
export async function findLeadIdByEmailKey(db: Db, emailKey: string): Promise<string | undefined> {
  const row = await db.selectFrom('leads').select(['id', 'merged_into_id']).where('email_key', '=', emailKey).orderBy('merged_into_id', 'desc').executeTakeFirst();
  return row ? (row.merged_into_id ?? row.id) : undefined;
}
