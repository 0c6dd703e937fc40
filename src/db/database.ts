import type { ColumnType, Generated, Insertable, JSONColumnType, Kysely, Selectable, Transaction, Updateable } from 'kysely';

/**
 * Row types of every table, in one place (Kysely's `Database` interface). Repositories are the only
 * code that reads or writes these tables.
 *
 * Integers that PostgreSQL stores as bigint are parsed to `number` on both drivers (see
 * open-database.ts): money in minor units stays far below 2^53.
 */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedTimestamp = ColumnType<Date, Date | string | undefined, never>;
type UpdatedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns travel as YYYY-MM-DD strings (never as Dates shifted by a local time zone). */
type DateOnly = ColumnType<string, string, string>;
/** jsonb: read as objects, written as JSON text (the one form both drivers pass through unchanged). */
type Json<T extends object> = JSONColumnType<T>;

export type AccountClassValue = 'field' | 'inside' | 'marketing_led';
export type RoleValue = 'admin' | 'marketing' | 'sales_manager' | 'sales_rep' | 'executive';
export type StageValue = 'inquiry' | 'mql' | 'sal' | 'sql' | 'won' | 'lost' | 'junk' | 'disqualified' | 'recycled';
export type ActorType = 'system' | 'user' | 'api_key' | 'import' | 'form';
export type JsonObject = Record<string, unknown>;

export interface TeamsTable {
  id: Generated<string>;
  name: string;
  account_class: AccountClassValue;
  manager_id: string | null;
  created_at: CreatedTimestamp;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: RoleValue;
  team_id: string | null;
  capacity: Generated<number>;
  weight: Generated<number>;
  away_until: Timestamp | null;
  active: Generated<boolean>;
  open_lead_count: Generated<number>;
  round_robin_count: Generated<number>;
  created_at: CreatedTimestamp;
  updated_at: UpdatedTimestamp;
  /** scrypt hash with its parameters (see password-hash.ts); null: the user cannot sign in yet. */
  password_hash: string | null;
  failed_sign_ins: Generated<number>;
  locked_until: Timestamp | null;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the cookie's random token; the token itself is never stored. */
  id: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  user_agent: string | null;
  ip: string | null;
}

export interface ApiKeysTable {
  id: Generated<string>;
  name: string;
  prefix: string;
  /** SHA-256 (hex) of the secret part of the key. */
  secret_hash: string;
  scopes: Json<string[]>;
  user_id: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface SignInThrottlesTable {
  email_hash: string;
  failed_sign_ins: Generated<number>;
  locked_until: Timestamp | null;
  last_failed_at: Timestamp;
}

export interface AccountsTable {
  id: Generated<string>;
  name: string;
  name_key: string;
  domain: string | null;
  website: string | null;
  industry: string | null;
  employees: number | null;
  annual_revenue_minor: number | null;
  currency: Generated<string>;
  country: string | null;
  owner_id: string | null;
  account_class: AccountClassValue | null;
  class_priority: number | null;
  class_reason: string | null;
  created_at: CreatedTimestamp;
  updated_at: UpdatedTimestamp;
}

export interface CampaignsTable {
  id: Generated<string>;
  name: string;
  channel: string;
  source: string | null;
  cost_minor: Generated<number>;
  currency: Generated<string>;
  starts_on: DateOnly | null;
  ends_on: DateOnly | null;
  created_at: CreatedTimestamp;
  updated_at: UpdatedTimestamp;
}

export interface PactVersionsTable {
  id: Generated<string>;
  version: number;
  status: 'draft' | 'approved' | 'active' | 'retired';
  document: Json<JsonObject>;
  note: string | null;
  created_by: string | null;
  created_at: CreatedTimestamp;
  marketing_approved_by: string | null;
  marketing_approved_at: Timestamp | null;
  sales_approved_by: string | null;
  sales_approved_at: Timestamp | null;
  activated_by: string | null;
  activated_at: Timestamp | null;
  retired_at: Timestamp | null;
}

export interface ImportsTable {
  id: Generated<string>;
  file_name: string;
  file_sha256: string;
  format: string;
  mapping: Json<JsonObject>;
  status: 'running' | 'completed' | 'failed';
  row_count: Generated<number>;
  created_count: Generated<number>;
  merged_count: Generated<number>;
  junk_count: Generated<number>;
  rejected_count: Generated<number>;
  error_message: string | null;
  created_by: string | null;
  started_at: CreatedTimestamp;
  finished_at: Timestamp | null;
}

export interface LeadsTable {
  id: Generated<string>;
  email: string | null;
  email_key: string | null;
  email_domain: string | null;
  email_kind: string;
  first_name: string | null;
  last_name: string | null;
  title: string | null;
  seniority: string | null;
  phone: string | null;
  phone_valid: boolean | null;
  company: string | null;
  company_key: string | null;
  website: string | null;
  website_domain: string | null;
  industry: string | null;
  employees: number | null;
  annual_revenue_minor: number | null;
  country: string | null;
  state: string | null;
  city: string | null;
  source: string | null;
  campaign_id: string | null;
  external_source: string | null;
  external_id: string | null;
  attributes: Json<JsonObject>;
  name_key: string | null;
  account_id: string | null;
  stage: StageValue;
  stage_changed_at: Timestamp;
  junk_code: string | null;
  junk_reason: string | null;
  recycle_until: Timestamp | null;
  disposition_code: string | null;
  fit_score: number | null;
  engagement_score: number | null;
  score: number | null;
  grade: 'A' | 'B' | 'C' | 'D' | null;
  score_explanation: Json<JsonObject> | null;
  scored_at: Timestamp | null;
  mql_clause: string | null;
  pact_version_id: string | null;
  account_class: AccountClassValue | null;
  team_id: string | null;
  owner_id: string | null;
  assigned_at: Timestamp | null;
  routing: Json<JsonObject> | null;
  merged_into_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Set when the person's personal data was erased (privacy); the row keeps only analytics. */
  erased_at: Timestamp | null;
}

export interface LeadEventsTable {
  id: Generated<number>;
  lead_id: string;
  type: string;
  from_stage: StageValue | null;
  to_stage: StageValue | null;
  at: Timestamp;
  actor_type: ActorType;
  actor_id: string | null;
  reason: string | null;
  detail: Json<JsonObject> | null;
}

export interface TouchesTable {
  id: Generated<string>;
  lead_id: string;
  campaign_id: string | null;
  type: string;
  occurred_at: Timestamp;
  source: string | null;
  channel: string | null;
  dedupe_key: string;
  detail: Json<JsonObject> | null;
  created_at: CreatedTimestamp;
}

export interface DuplicateCandidatesTable {
  id: Generated<string>;
  lead_id: string;
  other_lead_id: string;
  reason: string;
  status: Generated<'open' | 'merged' | 'dismissed'>;
  created_at: CreatedTimestamp;
  resolved_at: Timestamp | null;
}

export interface OpportunitiesTable {
  id: Generated<string>;
  lead_id: string | null;
  account_id: string | null;
  owner_id: string | null;
  name: string;
  amount_minor: number;
  currency: Generated<string>;
  expected_close_on: DateOnly;
  status: 'open' | 'won' | 'lost';
  opened_at: Timestamp;
  closed_at: Timestamp | null;
  close_reason: string | null;
  created_at: CreatedTimestamp;
  updated_at: UpdatedTimestamp;
}

export interface ImportRowsTable {
  import_id: string;
  line: number;
  outcome: 'created' | 'merged' | 'junk' | 'rejected';
  lead_id: string | null;
  field: string | null;
  message: string | null;
}

export interface RescoreRunsTable {
  id: Generated<string>;
  pact_version_id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  total: Generated<number>;
  processed: Generated<number>;
  grade_changed: Generated<number>;
  became_mql: Generated<number>;
  lost_mql: Generated<number>;
  summary: Json<JsonObject> | null;
  error_message: string | null;
  queued_at: CreatedTimestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedTimestamp;
  actor_type: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  old_values: Json<JsonObject> | null;
  new_values: Json<JsonObject> | null;
}

export type LawfulBasisValue = 'consent' | 'legitimate_interest' | 'contract' | 'legal_obligation' | 'vital_interest' | 'public_task';

/** A lead's lawful basis (and marketing e-mail permission) as stated at a time; withdrawal closes it. */
export interface LeadConsentsTable {
  id: Generated<string>;
  lead_id: string;
  basis: LawfulBasisValue;
  marketing_email: boolean | null;
  source: string | null;
  captured_at: Timestamp;
  withdrawn_at: Timestamp | null;
  withdrawal_source: string | null;
  recorded_at: CreatedTimestamp;
}

/** People who asked to be erased: an HMAC of the e-mail match key, never the address. */
export interface SuppressionsTable {
  identity_hash: string;
  reason: string;
  created_at: CreatedTimestamp;
}

/** One row (id 1): the per-installation key of the suppression HMAC. */
export interface PrivacySettingsTable {
  id: number;
  suppression_key: string;
  created_at: CreatedTimestamp;
}

/** Stored answers to requests sent with an Idempotency-Key (migration 2026-11-22-0005-request-idempotency). */
export interface IdempotencyKeysTable {
  owner_type: 'api_key' | 'user';
  owner_id: string;
  key: string;
  request_hash: string;
  state: 'in_flight' | 'completed';
  locked_until: Timestamp | null;
  response_status: number | null;
  response_headers: Json<Record<string, string>> | null;
  response_body: string | null;
  response_omitted: string | null;
  created_at: Timestamp;
  completed_at: Timestamp | null;
}

export interface Database {
  teams: TeamsTable;
  users: UsersTable;
  accounts: AccountsTable;
  campaigns: CampaignsTable;
  pact_versions: PactVersionsTable;
  imports: ImportsTable;
  leads: LeadsTable;
  lead_events: LeadEventsTable;
  touches: TouchesTable;
  duplicate_candidates: DuplicateCandidatesTable;
  opportunities: OpportunitiesTable;
  import_rows: ImportRowsTable;
  rescore_runs: RescoreRunsTable;
  audit_log: AuditLogTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  sign_in_throttles: SignInThrottlesTable;
  lead_consents: LeadConsentsTable;
  suppressions: SuppressionsTable;
  privacy_settings: PrivacySettingsTable;
  idempotency_keys: IdempotencyKeysTable;
}

/** What repositories and use cases take as their first argument: the database or an open transaction. */
export type Db = Kysely<Database> | Transaction<Database>;

export type LeadRow = Selectable<LeadsTable>;
export type NewLeadRow = Insertable<LeadsTable>;
export type LeadUpdate = Updateable<LeadsTable>;
export type UserRow = Selectable<UsersTable>;
export type TeamRow = Selectable<TeamsTable>;
export type AccountRow = Selectable<AccountsTable>;
export type NewAccountRow = Insertable<AccountsTable>;
export type CampaignRow = Selectable<CampaignsTable>;
export type PactVersionRow = Selectable<PactVersionsTable>;
export type TouchRow = Selectable<TouchesTable>;
export type NewTouchRow = Insertable<TouchesTable>;
export type LeadEventRow = Selectable<LeadEventsTable>;
export type NewLeadEventRow = Insertable<LeadEventsTable>;
export type ImportRow = Selectable<ImportsTable>;
export type RescoreRunRow = Selectable<RescoreRunsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
