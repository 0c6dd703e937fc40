import type { Kysely, Updateable } from 'kysely';
import type { AccessContext } from '../../core/access/access-context.ts';
import { isUuid } from '../../core/identity/uuid.ts';
import type { Database, OpportunitiesTable } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { assertKind, authorizeOpportunity } from '../access/authorize-record.ts';
import { assertRecordMay } from '../access/enforce-access.ts';
import { changedValues } from '../audit/audit-values.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import type { OpportunityChanges } from './opportunity-fields.ts';
import { lockOpportunityById, updateOpportunity as updateOpportunityRow, type OpportunityRow } from './opportunity.repository.ts';

/**
 * Changes an opportunity's name, amount, currency or expected close day (`edit`), or closes an open
 * one as won or lost with its reason (`close`; a closed one is a 409). Who may: admins; a manager
 * for their team's; a rep for their own — marketing reads only (403), an opportunity the caller may
 * not see is a 404. One audit entry with every changed column, old and new.
 */
export async function updateOpportunity(
  db: Kysely<Database>,
  options: { opportunityId: string; changes: OpportunityChanges; access: AccessContext; actor: AuditActor; now: Date },
): Promise<OpportunityRow> {
  const { changes, access, now } = options;
  if (!isUuid(options.opportunityId)) throw AppError.validation([{ path: 'id', message: 'not an opportunity id (uuid)' }]);
  assertKind(access, 'opportunity');
  return db.transaction().execute(async (trx) => {
    const before = await lockOpportunityById(trx, options.opportunityId);
    if (!before) throw AppError.notFound('opportunity', options.opportunityId);
    const relations = await authorizeOpportunity(trx, access, before.id, 'read');
    const edits = (['name', 'amountMinor', 'currency', 'expectedCloseOn'] as const).some((field) => changes[field] !== undefined);
    if (edits) assertRecordMay(access, 'opportunity', 'edit', { id: before.id, relations });
    if (changes.status !== undefined) {
      assertRecordMay(access, 'opportunity', 'close', { id: before.id, relations });
      if (before.status !== 'open') throw new AppError('CONFLICT', { userMessage: `the opportunity is already ${before.status}`, issues: [{ path: 'status', message: `already ${before.status}` }] });
    }
    const update: Updateable<OpportunitiesTable> = {};
    if (changes.name !== undefined) update.name = changes.name;
    if (changes.amountMinor !== undefined) update.amount_minor = changes.amountMinor;
    if (changes.currency !== undefined) update.currency = changes.currency;
    if (changes.expectedCloseOn !== undefined) update.expected_close_on = changes.expectedCloseOn;
    if (changes.status !== undefined) Object.assign(update, { status: changes.status, closed_at: now, close_reason: changes.closeReason ?? null });
    const changed = changedValues(before, update);
    if (!changed) return before;
    const after = await updateOpportunityRow(trx, before.id, { ...update, updated_at: now });
    await recordAudit(trx, { actor: options.actor, action: 'update', entityType: 'opportunity', entityId: before.id, ...changed });
    return after;
  });
}
