import type { Context } from 'hono';
import { AppError } from '../errors/app-error.ts';
import { csrfTokenForSession, sameSecret } from '../modules/identity/secret-token.ts';
import type { AppEnv } from './app-env.ts';
import { requestOrigin } from './request-origin.ts';
import { csrfHeaderName } from './session-cookie.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a cookie-authenticated write that another site could have made the browser send.
 * Two checks, both required for POST/PUT/PATCH/DELETE:
 * 1. Origin: when the browser says where the request came from (`Origin`, else `Sec-Fetch-Site`),
 *    it must be this site. Hono's `csrf` middleware does the same but only for form and text bodies;
 *    this checks every body type, so a JSON write stays safe even if CORS is ever opened.
 * 2. Token: `X-CSRF-Token` must be the session's CSRF token (from sign-in or GET /api/auth/me),
 *    which another site cannot read. It is derived from the session token, so it needs no storage.
 * API-key requests never come here: a key is not sent by the browser on its own.
 */
export function assertCookieWriteAllowed(c: Context<AppEnv>, sessionToken: string): void {
  if (safeMethods.has(c.req.method)) return;
  assertNotCrossSite(c);
  const token = c.req.header(csrfHeaderName);
  if (!token || !sameSecret(token, csrfTokenForSession(sessionToken))) {
    throw new AppError('FORBIDDEN', {
      userMessage: `missing or wrong ${csrfHeaderName} header: send the csrfToken from sign-in or GET /api/auth/me with every write made with the session cookie`,
      issues: [{ path: `(${csrfHeaderName.toLowerCase()})`, message: 'missing or wrong' }],
    });
  }
}

/**
 * Refuses a request a browser says came from another site (`Origin`, else `Sec-Fetch-Site`).
 * Requests that say nothing (curl, servers) pass. Also guards sign-in, so another site cannot sign a
 * visitor into an account of its choosing.
 */
export function assertNotCrossSite(c: Context<AppEnv>): void {
  const origin = c.req.header('origin');
  const fetchSite = c.req.header('sec-fetch-site');
  const foreign = origin !== undefined ? origin.toLowerCase() !== requestOrigin(c) : fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none';
  if (foreign) {
    throw new AppError('FORBIDDEN', { userMessage: 'cross-site request refused: this must come from leadpact’s own pages (or use an API key)', issues: [{ path: '(origin)', message: `${origin ?? fetchSite} is not ${requestOrigin(c)}` }] });
  }
}
