import { describe, expect, it } from 'vitest';
import type { ApiKeyPrincipal } from './principal.ts';
import { apiScopes } from './principal.ts';
import { effectiveKeyScopes, isAdminPrincipal, principalHasScope, scopesCover, scopesForRole } from './role-scopes.ts';

const key = (scopes: ApiKeyPrincipal['scopes'], role: ApiKeyPrincipal['role'] = 'admin'): ApiKeyPrincipal => ({ kind: 'api_key', keyId: 'k', keyName: 'test', scopes, userId: 'u', role, teamId: null, email: 'u@example.com' });

describe('role scopes', () => {
  it('gives admins every scope and nobody else admin; executives only read', () => {
    expect(scopesForRole('admin')).toEqual(apiScopes);
    for (const role of ['marketing', 'sales_manager', 'sales_rep', 'executive'] as const) expect(scopesForRole(role)).not.toContain('admin');
    expect(scopesForRole('executive').every((scope) => scope.endsWith(':read'))).toBe(true);
  });

  it('cuts a key to what its owner’s role allows today', () => {
    expect(effectiveKeyScopes(['leads:read', 'pact:write', 'admin'], 'sales_rep')).toEqual(['leads:read']);
    expect(effectiveKeyScopes(['leads:read', 'pact:write'], 'sales_manager')).toEqual(['leads:read', 'pact:write']);
  });

  it('lets a write scope cover its read, never the other way round', () => {
    expect(scopesCover(['leads:write'], 'leads:read')).toBe(true);
    expect(scopesCover(['leads:read'], 'leads:write')).toBe(false);
    expect(scopesCover(['capture'], 'leads:read')).toBe(false);
  });

  it('passes users and the operator, checks keys, and lets a form only capture', () => {
    expect(principalHasScope({ kind: 'user', userId: 'u', role: 'executive', teamId: null, email: 'e', sessionId: null }, ['pact:write'])).toBe(true);
    expect(principalHasScope({ kind: 'operator', label: 'CLI' }, ['admin'])).toBe(true);
    expect(principalHasScope(key(['capture']), ['leads:write', 'capture'])).toBe(true);
    expect(principalHasScope(key(['capture']), ['leads:read'])).toBe(false);
    expect(principalHasScope({ kind: 'form' }, ['capture'])).toBe(true);
    expect(principalHasScope({ kind: 'form' }, ['leads:read'])).toBe(false);
  });

  it('treats only admin users and admins’ keys with the admin scope as admins', () => {
    expect(isAdminPrincipal(key(['admin']))).toBe(true);
    expect(isAdminPrincipal(key(['leads:read']))).toBe(false);
    expect(isAdminPrincipal(key(['admin'], 'marketing'))).toBe(false);
    expect(isAdminPrincipal({ kind: 'form' })).toBe(false);
  });
});
