import type { Context } from 'hono';
import type { ApiScope, Principal, UserPrincipal } from '../core/access/principal.ts';
import { isAdminPrincipal, principalHasScope } from '../core/access/role-scopes.ts';
import { AppError } from '../errors/app-error.ts';
import type { AppEnv } from './app-env.ts';

/** Who is calling; UNAUTHENTICATED (401) when `authenticate` found nobody. */
export function principalOf(c: Context<AppEnv>): Principal {
  const principal = c.get('principal') as Principal | undefined;
  if (!principal) throw new AppError('UNAUTHENTICATED', { userMessage: 'sign in or send an API key' });
  return principal;
}

/**
 * The route-level scope check: an API key must have one of `anyOf` (a write scope covers its read),
 * else FORBIDDEN (403) naming the scopes. Signed-in users pass — what their role may do with which
 * record is the access policy's question, asked in the use cases. Returns the principal.
 */
export function requireScope(c: Context<AppEnv>, ...anyOf: ApiScope[]): Principal {
  const principal = principalOf(c);
  if (principalHasScope(principal, anyOf)) return principal;
  throw new AppError('FORBIDDEN', { userMessage: `this API key lacks the scope ${anyOf.join(' or ')}` });
}

/** Admins only: an admin user, or an admin's key with the `admin` scope. FORBIDDEN otherwise. */
export function requireAdmin(c: Context<AppEnv>): Principal {
  const principal = principalOf(c);
  if (isAdminPrincipal(principal)) return principal;
  throw new AppError('FORBIDDEN', { userMessage: principal.kind === 'api_key' && principal.role === 'admin' ? 'this API key lacks the scope admin' : 'only an admin may do this' });
}

/** A person signed in with the session cookie (not a key): changing one's own password needs one. */
export function requireSessionUser(c: Context<AppEnv>): UserPrincipal {
  const principal = principalOf(c);
  if (principal.kind === 'user') return principal;
  throw new AppError('FORBIDDEN', { userMessage: 'sign in with your password to do this (an API key cannot)' });
}
