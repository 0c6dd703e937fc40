import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from './app-env.ts';
import { isSecureRequest } from './request-origin.ts';

/** The browser session cookie: an opaque random token; the server keeps only its SHA-256. */
export const sessionCookieName = 'leadpact_session';

/** The header a cookie-authenticated write must carry the session's CSRF token in. */
export const csrfHeaderName = 'X-CSRF-Token';

export function readSessionCookie(c: Context<AppEnv>): string | undefined {
  const token = getCookie(c, sessionCookieName);
  return token ? token : undefined;
}

/**
 * Sets the session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site
 * POSTs), Path=/, and Secure whenever the browser came over TLS (directly or, with
 * LEADPACT_TRUST_PROXY, through an https proxy) — on plain http (localhost) a Secure cookie would
 * never come back. Lives as long as the session may at most; the server ends it earlier when idle.
 */
export function setSessionCookie(c: Context<AppEnv>, token: string, maxAgeSeconds: number): void {
  setCookie(c, sessionCookieName, token, { httpOnly: true, sameSite: 'Lax', path: '/', secure: isSecureRequest(c), maxAge: Math.max(1, Math.floor(maxAgeSeconds)) });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, sessionCookieName, { httpOnly: true, sameSite: 'Lax', path: '/', secure: isSecureRequest(c) });
}
