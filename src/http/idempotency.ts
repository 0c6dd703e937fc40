import type { Context, MiddlewareHandler } from 'hono';
import type { Principal } from '../core/access/principal.ts';
import { AppError } from '../errors/app-error.ts';
import { renewIdempotencyLease } from '../modules/idempotency/claim-idempotency-key.ts';
import { createIdempotencyKeyBatcher } from '../modules/idempotency/idempotency-key-batcher.ts';
import type { CompletedResponse, IdempotencyOwner } from '../modules/idempotency/idempotency-key.repository.ts';
import { removeExpiredIdempotencyKeys } from '../modules/idempotency/remove-expired-idempotency-keys.ts';
import type { AppEnv, AppServices } from './app-env.ts';
import { fingerprintRequest } from './request-fingerprint.ts';

export const idempotencyKeyHeader = 'Idempotency-Key';
export const idempotencyReplayedHeader = 'Idempotency-Replayed';

/** Largest response kept for replay; a larger one completes the key without being kept. */
export const maxStoredResponseBytes = 1_048_576;

/** How often (at most) a write also deletes keys older than a day. */
const expiredKeySweepIntervalMs = 60 * 60 * 1000;

/** Sign-in, sign-out and password changes: not resource creation, and their answers set or end sessions. */
const notIdempotentPaths = /^\/api\/auth\//;
/** Answers that carry a secret shown only once (a new API key, a generated password): completed, never kept. */
const secretResponsePaths = [/^\/api\/api-keys$/, /^\/api\/users\/[^/]+\/password$/];

/** The headers a replay repeats besides status and body. */
const replayedHeaders = ['content-type', 'location'] as const;

/** 1–255 printable ASCII characters (space included, as Stripe allows). */
const keyFormat = /^[\x20-\x7e]{1,255}$/;

function ownerOf(principal: Principal | undefined): IdempotencyOwner | null {
  if (principal?.kind === 'api_key') return { type: 'api_key', id: principal.keyId };
  if (principal?.kind === 'user') return { type: 'user', id: principal.userId };
  return null;
}

function parseKey(text: string): string {
  if (keyFormat.test(text)) return text;
  const message = 'expected 1 to 255 printable ASCII characters (a UUID is a good key)';
  throw AppError.validation([{ path: idempotencyKeyHeader, message }], `${idempotencyKeyHeader}: ${message}`);
}

/**
 * `Idempotency-Key` on POSTs under /api, with Stripe's semantics (see claim-idempotency-key.ts): the
 * first response to a key is stored (status, body, Content-Type, Location; up to 1 MiB of text) and
 * replayed to every retry with `Idempotency-Replayed: true`; the same key with another request is
 * 422, while the first is still running 409. Keys belong to the caller (an API key or a signed-in
 * user) and are kept for a day. Mount after `authenticate` and the body limit.
 *
 * Not applied where there is no caller to scope a key to (anonymous web-form posts) nor to sign-in,
 * sign-out and password changes; there the header has no effect. While the request runs its lease
 * is renewed, so only a dead process leaves a key that a retry may take over.
 */
export function idempotency(services: AppServices): MiddlewareHandler<AppEnv> {
  let lastSweepMs = Number.NEGATIVE_INFINITY;
  // Claims and completions of requests that arrive (or finish) together share one statement.
  // Made at the first keyed request, not here: building the app (e.g. only to serve its OpenAPI
  // document, as `npm run api:types` does) must not need a database.
  let batcher: ReturnType<typeof createIdempotencyKeyBatcher> | null = null;
  const keyBatcher = () => (batcher ??= createIdempotencyKeyBatcher(services.database.db));

  async function sweepExpiredKeys(now: Date): Promise<void> {
    if (now.getTime() - lastSweepMs < expiredKeySweepIntervalMs) return;
    lastSweepMs = now.getTime();
    try {
      await removeExpiredIdempotencyKeys(services.database.db, { now });
    } catch (error) {
      services.logger.warn({ err: error }, 'could not delete expired idempotency keys');
    }
  }

  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const header = c.req.header(idempotencyKeyHeader);
    if (header === undefined) return next();
    const key = parseKey(header);
    const owner = ownerOf(c.get('principal') as Principal | undefined);
    if (owner === null || notIdempotentPaths.test(c.req.path)) return next();

    const db = services.database.db;
    const leaseMs = services.config.idempotencyLeaseSeconds * 1000;
    const requestHash = await fingerprintRequest(c);
    const now = services.now();
    await sweepExpiredKeys(now);
    const claim = await keyBatcher().claim({ owner, key, requestHash, now, leaseMs });
    if (claim.kind === 'completed') return replay(claim.response);
    if (claim.tookOverLapsedLease) services.logger.warn({ requestId: c.get('requestId'), owner: owner.type }, 'idempotency key taken over after its first request died; running it again');

    const renewal = setInterval(() => {
      renewIdempotencyLease(db, { owner, key, now: services.now(), leaseMs }).catch((error: unknown) => services.logger.warn({ err: error }, 'could not renew an idempotency lease'));
    }, Math.max(250, leaseMs / 3));
    renewal.unref();
    let response: CompletedResponse | null = null;
    try {
      await next();
      response = await responseToKeep(c);
    } finally {
      clearInterval(renewal);
      try {
        await keyBatcher().settle({ owner, key, response, now: services.now() });
      } catch (error) {
        // The answer stands; the key stays in flight until its lease runs out, then a retry runs again.
        services.logger.warn({ err: error, requestId: c.get('requestId') }, 'could not record the response of an idempotency key');
      }
    }
  };
}

async function responseToKeep(c: Context<AppEnv>): Promise<CompletedResponse> {
  const response = c.res;
  const headers: Record<string, string> = {};
  for (const name of replayedHeaders) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  const notKept = (omitted: string): CompletedResponse => ({ status: response.status, headers, body: null, omitted });
  if (secretResponsePaths.some((path) => path.test(c.req.path))) return notKept('it held a secret that is shown only once');
  if (response.headers.has('set-cookie')) return notKept('it set a cookie');
  const bytes = new Uint8Array(await response.clone().arrayBuffer());
  if (bytes.byteLength > maxStoredResponseBytes) return notKept(`it was larger than ${maxStoredResponseBytes} bytes`);
  let body: string;
  try {
    body = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return notKept('it was not text');
  }
  if (body.includes('\u0000')) return notKept('it was not text');
  return { status: response.status, headers, body, omitted: null };
}

function replay(stored: CompletedResponse): Response {
  if (stored.body === null) {
    const message = `the request with this key already completed (status ${stored.status}); its response was not kept because ${stored.omitted ?? 'it could not be'}, and the request will not run again`;
    throw new AppError('CONFLICT', { userMessage: `${idempotencyKeyHeader}: ${message}`, issues: [{ path: idempotencyKeyHeader, message }] });
  }
  const headers = new Headers(stored.headers);
  headers.set(idempotencyReplayedHeader, 'true');
  const bodyless = stored.status === 204 || stored.status === 304 || (stored.status >= 100 && stored.status < 200);
  return new Response(bodyless ? null : stored.body, { status: stored.status, headers });
}
