import type { Kysely } from 'kysely';
import { executeScript } from '../execute-script.ts';

/**
 * Idempotency keys of POST requests (Stripe's semantics): per caller, the key, a hash of the
 * request it was first used with, whether that request is still running (a lease: a process killed
 * mid-request leaves an in-flight row that a retry may take over once the lease has run out) and
 * the response to replay. The request body is never stored, only its hash. Rows older than a day
 * are deleted. Numbered 0005 after the lead-spine indexes of the same number (names sort after
 * them). Hand-written; forward-only once landed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table idempotency_keys (
      -- Whose key it is: an API key or a signed-in user (keys of different callers never meet).
      owner_type text not null check (owner_type in ('api_key', 'user')),
      owner_id uuid not null,
      key text not null check (length(key) between 1 and 255),
      -- SHA-256 (hex) of method, path and query, media type and body of the first request.
      request_hash text not null,
      state text not null check (state in ('in_flight', 'completed')),
      -- In flight: the request is someone's until then (renewed while it runs).
      locked_until timestamptz,
      response_status integer,
      -- Content-Type and Location of the response.
      response_headers jsonb,
      response_body text,
      -- Set when the request completed but its response is not kept (too large, not text, a secret).
      response_omitted text,
      created_at timestamptz not null,
      completed_at timestamptz,
      primary key (owner_type, owner_id, key)
    );
    create index idempotency_keys_created_idx on idempotency_keys (created_at);
  `,
  );
}
