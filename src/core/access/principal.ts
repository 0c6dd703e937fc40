import type { RoleValue } from '../../db/database.ts';

/**
 * Who is acting. Every use case that reads or changes data takes one and asks the access policy;
 * the HTTP layer builds it from a session cookie or an API key, the CLI acts as the local operator.
 */
export type Principal = UserPrincipal | ApiKeyPrincipal | OperatorPrincipal | FormPrincipal;

export interface UserPrincipal {
  kind: 'user';
  userId: string;
  role: RoleValue;
  teamId: string | null;
  email: string;
  /** The session that authenticated the request (null when not through a session). */
  sessionId: string | null;
}

/** An API key acts for the user who created it, limited to the key's scopes. */
export interface ApiKeyPrincipal {
  kind: 'api_key';
  keyId: string;
  /** The name its owner gave the key ("CRM sync"), for timelines and logs. */
  keyName: string;
  /** The key's scopes that its owner's role still allows (see role-scopes.ts). */
  scopes: readonly ApiScope[];
  /** The user the key belongs to: the key never has more rights than that user. */
  userId: string;
  role: RoleValue;
  teamId: string | null;
  email: string;
}

/** The CLI on the database host, and internal jobs: full rights, recorded as such. */
export interface OperatorPrincipal {
  kind: 'operator';
  label: string;
}

/** An anonymous web form post: may only capture. */
export interface FormPrincipal {
  kind: 'form';
}

/**
 * What an API key may be allowed to do. A `…:write` scope includes the matching `…:read`;
 * `capture` only feeds leads in (POST /api/leads and the web-form endpoint); `organisation:read`
 * reads teams and users; `admin` manages the organisation, API keys and passwords (and only works
 * for a key whose owner is an admin). See role-scopes.ts for which scopes each role may grant.
 */
export const apiScopes = [
  'leads:read',
  'leads:write',
  'capture',
  'accounts:read',
  'accounts:write',
  'campaigns:read',
  'campaigns:write',
  'pact:read',
  'pact:write',
  'imports:write',
  'reports:read',
  'organisation:read',
  'admin',
] as const;
export type ApiScope = (typeof apiScopes)[number];

export const operatorPrincipal: OperatorPrincipal = { kind: 'operator', label: 'CLI' };
