import type { Principal } from './principal.ts';

/** The user a principal acts for: the signed-in user or the key's owner; null for the operator and forms. */
export function actingUserId(principal: Principal): string | null {
  return principal.kind === 'user' || principal.kind === 'api_key' ? principal.userId : null;
}
