import type { Principal } from '../../core/access/principal.ts';
import type { AuditActor } from './record-audit.ts';

/**
 * Who the audit log records for a principal: the user, the API key (its id; the key names its
 * user), the CLI operator, or an anonymous web form.
 */
export function auditActorOfPrincipal(principal: Principal): AuditActor {
  switch (principal.kind) {
    case 'user':
      return { type: 'user', id: principal.userId };
    case 'api_key':
      return { type: 'api_key', id: principal.keyId };
    case 'operator':
      return { type: 'cli', id: null };
    case 'form':
      return { type: 'form', id: null };
  }
}
