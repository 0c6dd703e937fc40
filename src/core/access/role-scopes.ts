import type { RoleValue } from '../../db/database.ts';
import { apiScopes, type ApiScope, type Principal } from './principal.ts';

const readsAndFeeds: readonly ApiScope[] = ['leads:read', 'leads:write', 'capture', 'accounts:read', 'accounts:write', 'campaigns:read', 'pact:read', 'organisation:read'];

/**
 * The most an API key of a user in this role may do: a key never exceeds its owner. A coarse
 * ceiling per role, not the record-level policy (who may see which lead), which applies on top.
 */
const scopesByRole: Record<RoleValue, readonly ApiScope[]> = {
  admin: apiScopes,
  marketing: [...readsAndFeeds, 'campaigns:write', 'pact:write', 'imports:write', 'reports:read'],
  sales_manager: [...readsAndFeeds, 'pact:write', 'reports:read'],
  sales_rep: readsAndFeeds,
  executive: ['leads:read', 'accounts:read', 'campaigns:read', 'pact:read', 'reports:read', 'organisation:read'],
};

/** A write scope that includes a read scope. */
const includedRead: Partial<Record<ApiScope, ApiScope>> = {
  'leads:write': 'leads:read',
  'accounts:write': 'accounts:read',
  'campaigns:write': 'campaigns:read',
  'pact:write': 'pact:read',
};

export function scopesForRole(role: RoleValue): readonly ApiScope[] {
  return scopesByRole[role];
}

/** The scopes of a key that its owner's role allows today (a role taken away narrows old keys too). */
export function effectiveKeyScopes(keyScopes: readonly ApiScope[], ownerRole: RoleValue): ApiScope[] {
  const allowed = new Set(scopesByRole[ownerRole]);
  return keyScopes.filter((scope) => allowed.has(scope));
}

/** Whether a set of granted scopes covers `needed` (directly, or a write scope covering its read). */
export function scopesCover(granted: readonly ApiScope[], needed: ApiScope): boolean {
  return granted.some((scope) => scope === needed || includedRead[scope] === needed);
}

/**
 * Whether the principal passes a route's scope check for any of `anyOf`. Signed-in users and the
 * operator always pass (what their role allows is the access policy's question); an API key needs
 * one of the scopes; an anonymous web form only ever has `capture`.
 */
export function principalHasScope(principal: Principal, anyOf: readonly ApiScope[]): boolean {
  switch (principal.kind) {
    case 'user':
    case 'operator':
      return true;
    case 'api_key':
      return anyOf.some((needed) => scopesCover(principal.scopes, needed));
    case 'form':
      return anyOf.includes('capture');
  }
}

/** Whether the principal acts with an admin's rights: an admin user, or an admin's key with the `admin` scope. */
export function isAdminPrincipal(principal: Principal): boolean {
  switch (principal.kind) {
    case 'operator':
      return true;
    case 'user':
      return principal.role === 'admin';
    case 'api_key':
      return principal.role === 'admin' && principal.scopes.includes('admin');
    case 'form':
      return false;
  }
}
