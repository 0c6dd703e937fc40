import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from './app-env.ts';

/**
 * Where a request really came from. Behind a reverse proxy the socket and the URL are the proxy's;
 * its X-Forwarded-* headers are believed only when LEADPACT_TRUST_PROXY says every request comes
 * through it — otherwise any client could claim to be https or another address.
 */
function trustsProxy(c: Context<AppEnv>): boolean {
  return c.get('services').config.trustProxy;
}

function firstForwarded(c: Context<AppEnv>, header: string): string | undefined {
  const value = c.req.header(header)?.split(',')[0]?.trim();
  return value ? value : undefined;
}

/** Whether the browser reached us over TLS: an https URL, or `X-Forwarded-Proto: https` from a trusted proxy. */
export function isSecureRequest(c: Context<AppEnv>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustsProxy(c) && firstForwarded(c, 'x-forwarded-proto')?.toLowerCase() === 'https';
}

/** The origin (scheme://host[:port]) the browser addressed: what a same-origin request's Origin header says. */
export function requestOrigin(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  const host = (trustsProxy(c) ? firstForwarded(c, 'x-forwarded-host') : undefined) ?? c.req.header('host') ?? url.host;
  return `${isSecureRequest(c) ? 'https:' : url.protocol}//${host}`.toLowerCase();
}

/** The client's IP address (the first X-Forwarded-For entry from a trusted proxy), or 'unknown'. */
export function clientAddress(c: Context<AppEnv>): string {
  const forwarded = trustsProxy(c) ? firstForwarded(c, 'x-forwarded-for') : undefined;
  if (forwarded) return forwarded.slice(0, 100);
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
