import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { apiScopes, type ApiScope } from '../../src/core/access/principal.ts';
import { formatApiKey } from '../../src/core/identity/api-key-text.ts';
import { loadConfig } from '../../src/config.ts';
import type { RoleValue } from '../../src/db/database.ts';
import type { AppServices } from '../../src/http/app-env.ts';
import { createApp } from '../../src/http/create-app.ts';
import { sessionCookieName } from '../../src/http/session-cookie.ts';
import { createCaptureBatcher } from '../../src/modules/capture/capture-batcher.ts';
import { insertApiKey } from '../../src/modules/identity/api-key.repository.ts';
import { setPasswordHash } from '../../src/modules/identity/credential.repository.ts';
import { hashPassword } from '../../src/modules/identity/password-hash.ts';
import { randomToken, sha256Hex } from '../../src/modules/identity/secret-token.ts';
import { installDefaultPact } from '../../src/modules/pact/install-default-pact.ts';
import { insertUser } from '../../src/modules/team/user.repository.ts';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './test-database.ts';

/** A signed-in browser: the session cookie's token and the CSRF token to send with writes. */
export interface SessionCredentials {
  sessionToken: string;
  csrfToken: string;
}

/**
 * How a test request authenticates: an API key, a browser session (cookie + X-CSRF-Token + this
 * site's Origin), or nothing at all.
 */
export type TestCredentials = { apiKey: string } | { session: SessionCredentials } | 'anonymous';

export interface TestResponse {
  status: number;
  body: any;
  headers: Headers;
}

export interface TestUser {
  id: string;
  email: string;
  role: RoleValue;
  /** Null when the user was made without a password. */
  password: string | null;
}

/** The origin `app.request` requests come from: what a same-origin browser would send as Origin. */
export const testOrigin = 'http://localhost';

export interface TestApp {
  database: TestDatabase;
  services: AppServices;
  app: ReturnType<typeof createApp>;
  /** The admin every `call` acts as (through an API key with every scope). */
  admin: { id: string; email: string; apiKey: string };
  /** JSON request as the admin: sends `body` as JSON, returns status, parsed body and headers. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  /** The same, with other credentials (another user's key or session, or none). */
  callAs(credentials: TestCredentials, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  /** A user of any role (inserted directly, not audited), with a password unless `password: null`. */
  createUser(options: { role: RoleValue; email?: string; name?: string; teamId?: string | null; capacity?: number; password?: string | null }): Promise<TestUser>;
  /** Signs in through POST /api/auth/sign-in; throws unless it succeeds. */
  signIn(email: string, password: string): Promise<SessionCredentials>;
  /** An API key of the user (inserted directly, not audited); every scope unless given. */
  createApiKey(userId: string, scopes?: readonly ApiScope[], name?: string): Promise<string>;
  destroy(): Promise<void>;
}

/** The session token a response set in its `leadpact_session` cookie, or null when it set none. */
export function sessionTokenOf(headers: Headers): string | null {
  for (const cookie of headers.getSetCookie()) {
    const [pair] = cookie.split(';');
    const [name, value] = (pair ?? '').split('=');
    if (name === sessionCookieName && value) return value;
  }
  return null;
}

/**
 * An app on a fresh test database (default pact installed) with an admin who has an API key, an
 * optional clock and env. `call` acts as that admin; `callAs` as anyone.
 */
export async function createTestApp(kind: DatabaseKind, options: { now?: () => Date; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  await installDefaultPact(database.db);
  const now = options.now ?? (() => new Date());
  const services: AppServices = {
    config: loadConfig(options.env ?? {}),
    database,
    jobs: null,
    logger: pino({ level: 'silent' }),
    captureBatcher: createCaptureBatcher(database.db, { now }),
    now,
  };
  const app = createApp(services);

  async function createApiKey(userId: string, scopes: readonly ApiScope[] = apiScopes, name = 'test key'): Promise<string> {
    const prefix = randomBytes(6).toString('hex');
    const secret = randomToken(32);
    await insertApiKey(database.db, { name, prefix, secret_hash: sha256Hex(secret), scopes, user_id: userId, created_at: now() });
    return formatApiKey({ prefix, secret });
  }

  const adminRow = await insertUser(database.db, { email: 'test-admin@leadpact.test', name: 'Test Admin', role: 'admin' });
  const admin = { id: adminRow.id, email: adminRow.email, apiKey: await createApiKey(adminRow.id, apiScopes, 'test admin key') };

  async function callAs(credentials: TestCredentials, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> {
    const sent: Record<string, string> = {};
    if (credentials !== 'anonymous' && 'apiKey' in credentials) sent.authorization = `Bearer ${credentials.apiKey}`;
    if (credentials !== 'anonymous' && 'session' in credentials) {
      sent.cookie = `${sessionCookieName}=${credentials.session.sessionToken}`;
      sent['x-csrf-token'] = credentials.session.csrfToken;
      sent.origin = testOrigin;
    }
    Object.assign(sent, headers);
    const init: RequestInit = { method, headers: sent };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      sent['content-type'] ??= 'application/json';
    }
    const response = await app.request(path, init);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  return {
    database,
    services,
    app,
    admin,
    call: (method, path, body, headers) => callAs({ apiKey: admin.apiKey }, method, path, body, headers),
    callAs,
    async createUser(user) {
      const email = user.email ?? `${user.role.replace('_', '-')}-${randomBytes(4).toString('hex')}@leadpact.test`;
      const row = await insertUser(database.db, { email, name: user.name ?? email.split('@')[0]!, role: user.role, team_id: user.teamId ?? null, capacity: user.capacity ?? (user.role === 'sales_rep' ? 10 : 0) });
      const password = user.password === undefined ? `pw-${randomBytes(9).toString('base64url')}` : user.password;
      if (password !== null) await setPasswordHash(database.db, row.id, await hashPassword(password), now());
      return { id: row.id, email: row.email, role: row.role, password };
    },
    async signIn(email, password) {
      const response = await callAs('anonymous', 'POST', '/api/auth/sign-in', { email, password });
      const sessionToken = sessionTokenOf(response.headers);
      if (response.status !== 200 || !sessionToken) throw new Error(`sign-in of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
      return { sessionToken, csrfToken: response.body.csrfToken as string };
    },
    createApiKey,
    destroy: () => database.destroy(),
  };
}
