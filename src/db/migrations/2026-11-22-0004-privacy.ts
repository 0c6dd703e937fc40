import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { executeScript } from '../execute-script.ts';

/**
 * Privacy: the lawful basis and consent of each lead with its source and time (a history: a
 * withdrawal closes a row, it never deletes it), the suppression list of people who asked to be
 * erased (HMAC of the e-mail match key, never the address), the key of that HMAC, and the moment a
 * lead was erased. Hand-written; forward-only once landed.
 * SQL kept to what PostgreSQL 15 and PGlite (PostgreSQL 18) both accept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    alter table leads add column erased_at timestamptz;

    create table lead_consents (
      id uuid primary key default gen_random_uuid(),
      lead_id uuid not null references leads(id),
      basis text not null check (basis in ('consent', 'legitimate_interest', 'contract', 'legal_obligation', 'vital_interest', 'public_task')),
      -- Permission to send marketing e-mail: true given, false refused, null not asked.
      marketing_email boolean,
      -- Where the statement was made: a form and its wording, an import, a call.
      source text,
      captured_at timestamptz not null,
      withdrawn_at timestamptz,
      withdrawal_source text,
      recorded_at timestamptz not null default now()
    );
    create index lead_consents_lead_idx on lead_consents (lead_id, captured_at);

    -- People who asked to be erased. Only a keyed hash of the e-mail match key is kept, so the list
    -- cannot be read back into addresses without the key below.
    create table suppressions (
      identity_hash text primary key,
      reason text not null,
      created_at timestamptz not null default now()
    );

    -- One row: the per-installation HMAC key of the suppression list. It lives with the data so a
    -- backup restores the list together with the key that makes it usable.
    create table privacy_settings (
      id integer primary key check (id = 1),
      suppression_key text not null,
      created_at timestamptz not null default now()
    );
  `,
  );
  await sql`insert into privacy_settings (id, suppression_key) values (1, ${randomBytes(32).toString('base64url')})`.execute(db);
}
