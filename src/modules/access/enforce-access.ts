import type { AccessContext } from '../../core/access/access-context.ts';
import {
  decideRecordAction,
  decideRoleAction,
  type AccessDecision,
  type RecordActions,
  type RecordKind,
  type RoleAction,
} from '../../core/access/access-policy.ts';
import type { RecordRelation } from '../../core/access/record-relation.ts';
import { AccessDeniedError } from './access-denied-error.ts';

/** How the edge names a record kind in a 404 ("lead 123 not found"), the same words AppError.notFound uses. */
const nounOf: Record<string, string> = { lead: 'lead', account: 'account', opportunity: 'opportunity' };

/**
 * Throws the policy's refusal as an AccessDeniedError: 403 with the reason, or — for a record the
 * principal may not see — 404 worded exactly like a missing record. Does nothing when allowed.
 */
export function enforceDecision(
  decision: AccessDecision,
  context: AccessContext,
  what: { action: string; target: { type: string; id: string | null }; relations?: readonly RecordRelation[] },
): void {
  if (decision.allowed) return;
  const denial = { principal: context.principal, action: what.action, target: what.target, relations: what.relations ?? null, reason: decision.reason };
  if (decision.denial === 'not_found') {
    throw new AccessDeniedError('NOT_FOUND', `${nounOf[what.target.type] ?? what.target.type} ${what.target.id ?? ''} not found`.trim(), denial);
  }
  throw new AccessDeniedError('FORBIDDEN', decision.reason, denial);
}

/** Refuses (403) unless the principal's role may take this record-independent action. */
export function assertRoleMay(context: AccessContext, action: RoleAction): void {
  enforceDecision(decideRoleAction(context, action), context, { action, target: { type: action.split(':')[0]!, id: null } });
}

/** Refuses (404 when hidden, 403 when visible but not allowed) unless the principal may act on this record. */
export function assertRecordMay<Kind extends RecordKind>(context: AccessContext, kind: Kind, action: RecordActions[Kind], record: { id: string; relations: readonly RecordRelation[] }): void {
  enforceDecision(decideRecordAction(context, kind, action, record.relations), context, { action: `${kind}:${action}`, target: { type: kind, id: record.id }, relations: record.relations });
}
