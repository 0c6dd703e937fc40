import type { Kysely } from 'kysely';
import { executeScript } from '../execute-script.ts';

/**
 * The lead spine: people, teams, accounts, campaigns, leads with their full history, touches,
 * pact versions, imports and the audit log. Hand-written; forward-only once landed.
 * SQL kept to what PostgreSQL 15 and PGlite (PostgreSQL 18) both accept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table teams (
      id uuid primary key default gen_random_uuid(),
      name text not null unique,
      account_class text not null check (account_class in ('field', 'inside', 'marketing_led')),
      manager_id uuid,
      created_at timestamptz not null default now()
    );

    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null unique,
      name text not null,
      role text not null check (role in ('admin', 'marketing', 'sales_manager', 'sales_rep', 'executive')),
      team_id uuid references teams(id),
      capacity integer not null default 0 check (capacity >= 0),
      weight integer not null default 1 check (weight >= 1),
      away_until timestamptz,
      active boolean not null default true,
      -- Routing state, changed only under a row lock by the routing repository.
      open_lead_count integer not null default 0 check (open_lead_count >= 0),
      round_robin_count integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    alter table teams add constraint teams_manager_fk foreign key (manager_id) references users(id);
    create index users_team_idx on users (team_id);

    create table accounts (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      name_key text not null,
      domain text unique,
      website text,
      industry text,
      employees integer,
      annual_revenue_minor bigint,
      currency text not null default 'USD',
      country text,
      owner_id uuid references users(id),
      account_class text check (account_class in ('field', 'inside', 'marketing_led')),
      class_priority integer,
      class_reason text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index accounts_name_key_idx on accounts (name_key);
    create index accounts_owner_idx on accounts (owner_id);

    create table campaigns (
      id uuid primary key default gen_random_uuid(),
      name text not null unique,
      channel text not null,
      source text,
      cost_minor bigint not null default 0 check (cost_minor >= 0),
      currency text not null default 'USD',
      starts_on date,
      ends_on date,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table pact_versions (
      id uuid primary key default gen_random_uuid(),
      version integer not null unique,
      status text not null check (status in ('draft', 'approved', 'active', 'retired')),
      document jsonb not null,
      note text,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      marketing_approved_by uuid references users(id),
      marketing_approved_at timestamptz,
      sales_approved_by uuid references users(id),
      sales_approved_at timestamptz,
      activated_by uuid references users(id),
      activated_at timestamptz,
      retired_at timestamptz
    );
    create unique index pact_versions_one_active on pact_versions (status) where status = 'active';

    create table imports (
      id uuid primary key default gen_random_uuid(),
      file_name text not null,
      file_sha256 text not null,
      format text not null,
      mapping jsonb not null,
      status text not null check (status in ('running', 'completed', 'failed')),
      row_count integer not null default 0,
      created_count integer not null default 0,
      merged_count integer not null default 0,
      junk_count integer not null default 0,
      rejected_count integer not null default 0,
      error_message text,
      created_by uuid references users(id),
      started_at timestamptz not null default now(),
      finished_at timestamptz
    );

    create table leads (
      id uuid primary key default gen_random_uuid(),
      email text,
      email_key text,
      email_domain text,
      email_kind text not null default 'missing',
      first_name text,
      last_name text,
      title text,
      seniority text,
      phone text,
      phone_valid boolean,
      company text,
      company_key text,
      website text,
      website_domain text,
      industry text,
      employees integer,
      annual_revenue_minor bigint,
      country text,
      state text,
      city text,
      source text,
      campaign_id uuid references campaigns(id),
      external_source text,
      external_id text,
      attributes jsonb not null default '{}'::jsonb,
      -- Folded first+last name at the company domain: finds likely duplicates (same person, new address).
      name_key text,
      account_id uuid references accounts(id),
      stage text not null check (stage in ('inquiry', 'mql', 'sal', 'sql', 'won', 'lost', 'junk', 'disqualified', 'recycled')),
      stage_changed_at timestamptz not null,
      junk_code text,
      junk_reason text,
      recycle_until timestamptz,
      disposition_code text,
      fit_score integer,
      engagement_score double precision,
      score integer,
      grade text check (grade in ('A', 'B', 'C', 'D')),
      score_explanation jsonb,
      scored_at timestamptz,
      mql_clause text,
      pact_version_id uuid references pact_versions(id),
      account_class text check (account_class in ('field', 'inside', 'marketing_led')),
      team_id uuid references teams(id),
      owner_id uuid references users(id),
      assigned_at timestamptz,
      routing jsonb,
      merged_into_id uuid references leads(id),
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    -- One live lead per person: the database itself refuses a second lead for the same
    -- e-mail match key or the same record of a source system, however many captures race.
    create unique index leads_email_key_live on leads (email_key) where merged_into_id is null and email_key is not null;
    create unique index leads_external_live on leads (external_source, external_id) where merged_into_id is null and external_id is not null;
    create index leads_owner_stage_idx on leads (owner_id, stage);
    create index leads_stage_grade_idx on leads (stage, grade);
    create index leads_created_idx on leads (created_at, id);
    create index leads_account_idx on leads (account_id);
    create index leads_phone_idx on leads (phone) where phone_valid;
    create index leads_name_key_idx on leads (name_key) where name_key is not null;
    create index leads_source_idx on leads (source);
    create index leads_team_idx on leads (team_id);

    create table lead_events (
      id bigint generated always as identity primary key,
      lead_id uuid not null references leads(id),
      type text not null,
      from_stage text,
      to_stage text,
      at timestamptz not null,
      actor_type text not null check (actor_type in ('system', 'user', 'api_key', 'import', 'form')),
      actor_id text,
      reason text,
      detail jsonb
    );
    create index lead_events_lead_idx on lead_events (lead_id, at);
    create index lead_events_type_at_idx on lead_events (type, at);

    create table touches (
      id uuid primary key default gen_random_uuid(),
      lead_id uuid not null references leads(id),
      campaign_id uuid references campaigns(id),
      type text not null,
      occurred_at timestamptz not null,
      source text,
      channel text,
      -- Identifies the same interaction arriving twice (a re-imported row, a retried form post).
      dedupe_key text not null unique,
      detail jsonb,
      created_at timestamptz not null default now()
    );
    create index touches_lead_idx on touches (lead_id, occurred_at);
    create index touches_campaign_idx on touches (campaign_id);

    create table duplicate_candidates (
      id uuid primary key default gen_random_uuid(),
      lead_id uuid not null references leads(id),
      other_lead_id uuid not null references leads(id),
      reason text not null,
      status text not null default 'open' check (status in ('open', 'merged', 'dismissed')),
      created_at timestamptz not null default now(),
      resolved_at timestamptz,
      unique (lead_id, other_lead_id)
    );
    create index duplicate_candidates_status_idx on duplicate_candidates (status);

    create table opportunities (
      id uuid primary key default gen_random_uuid(),
      lead_id uuid references leads(id),
      account_id uuid references accounts(id),
      owner_id uuid references users(id),
      name text not null,
      amount_minor bigint not null check (amount_minor >= 0),
      currency text not null default 'USD',
      expected_close_on date not null,
      status text not null check (status in ('open', 'won', 'lost')),
      opened_at timestamptz not null,
      closed_at timestamptz,
      close_reason text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index opportunities_lead_idx on opportunities (lead_id);
    create index opportunities_owner_idx on opportunities (owner_id, status);

    create table import_rows (
      import_id uuid not null references imports(id),
      line integer not null,
      outcome text not null check (outcome in ('created', 'merged', 'junk', 'rejected')),
      lead_id uuid references leads(id),
      field text,
      message text,
      primary key (import_id, line)
    );

    create table rescore_runs (
      id uuid primary key default gen_random_uuid(),
      pact_version_id uuid not null references pact_versions(id),
      status text not null check (status in ('queued', 'running', 'completed', 'failed')),
      total integer not null default 0,
      processed integer not null default 0,
      grade_changed integer not null default 0,
      became_mql integer not null default 0,
      lost_mql integer not null default 0,
      summary jsonb,
      error_message text,
      queued_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz
    );

    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor_type text not null,
      actor_id text,
      action text not null,
      entity_type text not null,
      entity_id text not null,
      old_values jsonb,
      new_values jsonb
    );
    create index audit_log_entity_idx on audit_log (entity_type, entity_id, at);
  `,
  );
}
