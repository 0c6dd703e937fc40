import type { Kysely } from 'kysely';
import { executeScript } from '../execute-script.ts';

/**
 * Identity: passwords and sign-in lockout on users, browser sessions, API keys, and the failure
 * counters of sign-ins to addresses that are nobody's (so a lockout never tells who has an account).
 * Secrets are never stored: sessions and keys are kept as SHA-256 hashes of their random tokens.
 * Hand-written; forward-only once landed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    alter table users add column password_hash text;
    alter table users add column failed_sign_ins integer not null default 0 check (failed_sign_ins >= 0);
    alter table users add column locked_until timestamptz;

    create table sessions (
      -- SHA-256 (hex) of the random token in the browser's cookie; the token itself is never stored.
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      -- The sliding expiry: last use + idle timeout, never beyond created_at + the absolute lifetime.
      expires_at timestamptz not null,
      user_agent text,
      ip text
    );
    create index sessions_user_idx on sessions (user_id);
    create index sessions_expires_idx on sessions (expires_at);

    create table api_keys (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      -- Public part of the key (lp_<prefix>_<secret>), shown in lists and used to find the key.
      prefix text not null unique,
      secret_hash text not null,
      scopes jsonb not null check (jsonb_typeof(scopes) = 'array'),
      user_id uuid not null references users(id),
      created_at timestamptz not null,
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    create index api_keys_user_idx on api_keys (user_id, created_at);

    create table sign_in_throttles (
      -- SHA-256 (hex) of the case-folded e-mail of a sign-in attempt for an address no user has.
      email_hash text primary key,
      failed_sign_ins integer not null default 0 check (failed_sign_ins >= 0),
      locked_until timestamptz,
      last_failed_at timestamptz not null
    );
    create index sign_in_throttles_last_failed_idx on sign_in_throttles (last_failed_at);
  `,
  );
}
