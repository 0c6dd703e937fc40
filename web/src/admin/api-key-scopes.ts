import type { ApiScope } from './admin-types.ts';

/**
 * The scopes a new key can be given, in the order the form lists them, with what each allows
 * (README, "API keys"). The server decides what an owner's role may grant; this only explains.
 */
export const apiScopeChoices: readonly { scope: ApiScope; description: string }[] = [
  { scope: 'leads:read', description: 'Read leads, their history and touches' },
  { scope: 'leads:write', description: 'Capture, merge, junk, restore leads and record touches (includes leads:read)' },
  { scope: 'capture', description: 'Only feed leads in: POST /api/leads and web forms' },
  { scope: 'accounts:read', description: 'Read accounts and opportunities' },
  { scope: 'accounts:write', description: 'Change accounts and opportunities (includes accounts:read)' },
  { scope: 'campaigns:read', description: 'Read campaigns' },
  { scope: 'campaigns:write', description: 'Create and change campaigns (includes campaigns:read)' },
  { scope: 'pact:read', description: 'Read the pact and its versions' },
  { scope: 'pact:write', description: 'Propose, approve and activate pact versions (includes pact:read)' },
  { scope: 'imports:write', description: 'Upload and preview CSV imports, read their reports' },
  { scope: 'reports:read', description: 'Reports and scorecards' },
  { scope: 'organisation:read', description: 'Read teams and users' },
  { scope: 'admin', description: 'Change teams and users, manage API keys, reset passwords, read the audit log, privacy' },
];

/** The scopes in the form's order (what was ticked, whatever order it was ticked in). */
export function orderedScopes(selected: ReadonlySet<ApiScope>): ApiScope[] {
  return apiScopeChoices.map((choice) => choice.scope).filter((scope) => selected.has(scope));
}
