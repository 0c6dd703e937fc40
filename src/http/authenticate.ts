import type { MiddlewareHandler } from 'hono';
import type { SessionLifetime } from '../core/identity/session-expiry.ts';
import { looksLikeApiKey } from '../core/identity/api-key-text.ts';
import { AppError } from '../errors/app-error.ts';
import { resolveApiKey } from '../modules/identity/resolve-api-key.ts';
import { resolveSession } from '../modules/identity/resolve-session.ts';
import type { AppEnv, AppServices } from './app-env.ts';
import { assertCookieWriteAllowed, assertNotCrossSite } from './csrf-guard.ts';
import { clearSessionCookie, readSessionCookie } from './session-cookie.ts';

/**
 * How a route under /api is reached:
 * - `protected` (everything not listed): an API key or a session cookie, else 401;
 * - `public`: no credentials needed (health);
 * - `form`: the web-form endpoint — an API key if one is sent (it must have `capture`), else an
 *   anonymous form; the session cookie is ignored, so a form on leadpact's own site still posts;
 * - `sign-in`: credentials in the body; cookies and keys are not looked at, but another site may
 *   not post it (login CSRF);
 * - `sign-out`: the session if there is a valid one, else nothing to do.
 */
type RouteAccess = 'protected' | 'public' | 'form' | 'sign-in' | 'sign-out';

const routeAccess: Record<string, RouteAccess> = {
  'GET /api/health': 'public',
  'HEAD /api/health': 'public',
  'POST /api/capture': 'form',
  'POST /api/auth/sign-in': 'sign-in',
  'POST /api/auth/sign-out': 'sign-out',
};

export function sessionLifetimeOf(services: AppServices): SessionLifetime {
  return { idleMs: services.config.sessionIdleMinutes * 60_000, absoluteMs: services.config.sessionMaxDays * 86_400_000 };
}

const unauthenticated = () =>
  new AppError('UNAUTHENTICATED', { userMessage: 'sign in (POST /api/auth/sign-in) or send an API key as `Authorization: Bearer lp_…`' });

/**
 * Resolves who is calling every /api request and sets `principal` (and `sessionToken` for a
 * cookie): an `Authorization: Bearer lp_…` API key first, else the `leadpact_session` cookie. A key
 * that is malformed, unknown or revoked is refused with 401 on every route (the caller meant to use
 * it). Cookie-authenticated writes must pass the CSRF guard (403). Requests with no valid
 * credentials reach only the public routes above; everything else gets 401 UNAUTHENTICATED.
 * Paths outside /api (the docs, the OpenAPI document, the front door) are public.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.req.path.startsWith('/api/')) return next();
    const access = routeAccess[`${c.req.method} ${c.req.path}`] ?? 'protected';
    if (access === 'sign-in') {
      assertNotCrossSite(c);
      return next();
    }
    const services = c.get('services');
    const now = services.now();

    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const [scheme, credential = ''] = authorization.trim().split(/\s+/, 2);
      if (scheme?.toLowerCase() !== 'bearer' || !looksLikeApiKey(credential)) {
        throw new AppError('UNAUTHENTICATED', { userMessage: 'the Authorization header must be `Bearer lp_…` with a leadpact API key' });
      }
      const principal = await resolveApiKey(services.database.db, { keyText: credential, now });
      if (!principal) throw new AppError('UNAUTHENTICATED', { userMessage: 'the API key is unknown or revoked' });
      c.set('principal', principal);
      return next();
    }

    const sessionToken = access === 'form' ? undefined : readSessionCookie(c);
    if (sessionToken !== undefined) {
      const principal = await resolveSession(services.database.db, { token: sessionToken, now, lifetime: sessionLifetimeOf(services) });
      if (principal) {
        assertCookieWriteAllowed(c, sessionToken);
        c.set('principal', principal);
        c.set('sessionToken', sessionToken);
        return next();
      }
      clearSessionCookie(c);
    }

    if (access === 'form') c.set('principal', { kind: 'form' });
    if (access === 'protected') throw unauthenticated();
    return next();
  };
}
