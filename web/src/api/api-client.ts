import createClient, { type Middleware } from 'openapi-fetch';
import { apiErrorFromResponse, networkError } from './api-error.ts';
import type { paths } from './schema.d.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
let csrfToken: string | null = null;
let sessionExpired: (() => void) | null = null;

/**
 * The session's CSRF token, from sign-in or GET /api/auth/me: every write made with the session
 * cookie must carry it as X-CSRF-Token (see the server's csrf-guard.ts). Null after sign-out.
 */
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on any 401 outside sign-in: the session ended (idle, expired, signed out elsewhere). */
export function onSessionExpired(handler: () => void): void {
  sessionExpired = handler;
}

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (csrfToken !== null && !safeMethods.has(request.method)) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/api/auth/sign-in')) sessionExpired?.();
    return response;
  },
};

/**
 * The typed API client: paths, parameters and bodies are checked against web/src/api/schema.d.ts,
 * generated from the server's OpenAPI document (`npm run api:types`). Same origin, cookie included.
 */
export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '', credentials: 'include' });
api.use(sessionMiddleware);

/**
 * The data of an API call, or an ApiError (the API's refusal, or a network failure) thrown — the
 * form TanStack Query and the screens expect. A 204 resolves to undefined.
 */
export async function dataOf<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (cause) {
    throw networkError(cause);
  }
  if (!result.response.ok) throw apiErrorFromResponse(result.response, result.error);
  return result.data as T;
}
