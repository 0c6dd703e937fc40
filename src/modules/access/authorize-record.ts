import type { AccessContext } from '../../core/access/access-context.ts';
import { decideRecordKind, type AccountAction, type LeadAction, type OpportunityAction, type RecordKind } from '../../core/access/access-policy.ts';
import { accountRelations, leadRelations, opportunityRelations, viewerOf, type RecordRelation } from '../../core/access/record-relation.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { assertRecordMay, enforceDecision } from './enforce-access.ts';
import { findAccountAccessFacts, findLeadAccessFacts, findOpportunityAccessFacts } from './record-access.repository.ts';

/**
 * The record-level checks every use case makes before reading or changing one lead, account or
 * opportunity. In order: the role works with this kind of record at all (else 403, asked before
 * the lookup so ids cannot be probed); the record exists (else 404); the policy allows the action
 * given the record's relations to the principal (404 when they may not see it, 403 when they may
 * see but not do this). Call inside the transaction that then locks and changes the record, so
 * the relations checked are the ones the change sees. Returns the relations (for later checks).
 */
export async function authorizeLead(db: Db, context: AccessContext, leadId: string, action: LeadAction): Promise<RecordRelation[]> {
  assertKind(context, 'lead');
  const facts = await findLeadAccessFacts(db, leadId);
  if (!facts) throw AppError.notFound('lead', leadId);
  const viewer = viewerOf(context.principal);
  const relations = viewer ? leadRelations(viewer, facts) : [];
  assertRecordMay(context, 'lead', action, { id: leadId, relations });
  return relations;
}

export async function authorizeAccount(db: Db, context: AccessContext, accountId: string, action: AccountAction): Promise<RecordRelation[]> {
  assertKind(context, 'account');
  const viewer = viewerOf(context.principal);
  const facts = await findAccountAccessFacts(db, accountId, viewer);
  if (!facts) throw AppError.notFound('account', accountId);
  const relations = viewer ? accountRelations(viewer, facts) : [];
  assertRecordMay(context, 'account', action, { id: accountId, relations });
  return relations;
}

export async function authorizeOpportunity(db: Db, context: AccessContext, opportunityId: string, action: OpportunityAction): Promise<RecordRelation[]> {
  assertKind(context, 'opportunity');
  const facts = await findOpportunityAccessFacts(db, opportunityId);
  if (!facts) throw AppError.notFound('opportunity', opportunityId);
  const viewer = viewerOf(context.principal);
  const relations = viewer ? opportunityRelations(viewer, facts) : [];
  assertRecordMay(context, 'opportunity', action, { id: opportunityId, relations });
  return relations;
}

/** Refuses (403) a role that does not work with records of this kind, before any lookup. */
export function assertKind(context: AccessContext, kind: RecordKind): void {
  enforceDecision(decideRecordKind(context, kind), context, { action: `${kind}:read`, target: { type: kind, id: null } });
}
