import type { Context } from 'hono';
import type { Principal } from '../core/access/principal.ts';
import type { AuditActor } from '../modules/audit/record-audit.ts';
import { auditActorOfPrincipal } from '../modules/audit/audit-actor-of-principal.ts';
import type { CaptureActor } from '../modules/capture/capture-leads.ts';
import type { AppEnv } from './app-env.ts';
import { principalOf } from './require-scope.ts';

/** How the timeline names who did something: "robin@…", "API key "CRM sync" of robin@…", "web form". */
export function describePrincipal(principal: Principal): string {
  switch (principal.kind) {
    case 'user':
      return principal.email;
    case 'api_key':
      return `API key "${principal.keyName}" of ${principal.email}`;
    case 'operator':
      return principal.label;
    case 'form':
      return 'web form';
  }
}

/**
 * The actor lead events record for this request: the signed-in user, the API key (its id), or an
 * anonymous web form; `via` says which door ("API", "import leads.csv") and is kept in the label.
 */
export function requestActor(c: Context<AppEnv>, via: string): CaptureActor {
  const principal = principalOf(c);
  const label = principal.kind === 'form' ? via : `${via} (${describePrincipal(principal)})`;
  switch (principal.kind) {
    case 'user':
      return { type: 'user', id: principal.userId, label };
    case 'api_key':
      return { type: 'api_key', id: principal.keyId, label };
    case 'operator':
      return { type: 'system', id: null, label };
    case 'form':
      return { type: 'form', id: null, label };
  }
}

/** The actor the audit log records for this request. */
export function requestAuditActor(c: Context<AppEnv>): AuditActor {
  return auditActorOfPrincipal(principalOf(c));
}
