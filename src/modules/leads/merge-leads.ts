import type { Kysely } from 'kysely';
import type { AccessContext } from '../../core/access/access-context.ts';
import { openStages } from '../../core/pact/pact-schema.ts';
import type { Database, LeadRow, LeadUpdate } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { assertKind, authorizeLead } from '../access/authorize-record.ts';
import { changedValues } from '../audit/audit-values.ts';
import { auditActorOfCapture, recordAuditBatch } from '../audit/record-audit.ts';
import type { CaptureActor } from '../capture/capture-leads.ts';
import { loadActivePact } from '../pact/load-active-pact.ts';
import { adjustOpenLeadCount } from '../team/rep.repository.ts';
import { resolveDuplicateCandidates } from './duplicate-candidate.repository.ts';
import { insertLeadEvents } from './lead-event.repository.ts';
import { lockLeadById, updateLead } from './lead.repository.ts';
import { reassessLead } from './reassess-lead.ts';
import { moveTouches } from './touch.repository.ts';

const fillableColumns = [
  'email', 'email_key', 'email_domain', 'first_name', 'last_name', 'title', 'seniority', 'phone', 'phone_valid', 'company', 'company_key', 'website',
  'website_domain', 'industry', 'employees', 'annual_revenue_minor', 'country', 'state', 'city', 'source', 'campaign_id', 'external_source', 'external_id', 'account_id', 'name_key',
] as const satisfies readonly (keyof LeadRow)[];

/**
 * Merges a duplicate into the surviving lead. Nothing is lost: the merged lead stays in the database
 * (marked merged_into the survivor, its own events intact), its touches move to the survivor, the
 * survivor's blank fields are filled from it, and both timelines show the merge. Later captures of
 * the merged lead's e-mail or external id land on the survivor. Merging is data curation: for
 * admins and marketing (the access policy's `merge`), on two leads they may both see.
 */
export async function mergeLeads(db: Kysely<Database>, options: { survivorId: string; mergedId: string; actor: CaptureActor; now: Date; access: AccessContext }): Promise<LeadRow> {
  assertKind(options.access, 'lead');
  if (options.survivorId === options.mergedId) throw AppError.validation([{ path: 'otherLeadId', message: 'a lead cannot be merged into itself' }]);
  const active = await loadActivePact(db);
  return db.transaction().execute(async (trx) => {
    // Lock in id order so two merges of the same pair cannot deadlock.
    const [firstId, secondId] = [options.survivorId, options.mergedId].sort();
    const first = await lockLeadById(trx, firstId!);
    const second = await lockLeadById(trx, secondId!);
    const survivor = first?.id === options.survivorId ? first : second;
    const merged = first?.id === options.mergedId ? first : second;
    if (!survivor) throw AppError.notFound('lead', options.survivorId);
    if (!merged) throw AppError.notFound('lead', options.mergedId);
    await authorizeLead(trx, options.access, survivor.id, 'merge');
    await authorizeLead(trx, options.access, merged.id, 'merge');
    if (survivor.merged_into_id) throw new AppError('CONFLICT', { userMessage: `lead ${survivor.id} was itself merged into ${survivor.merged_into_id}; merge into that one` });
    if (merged.merged_into_id) throw new AppError('CONFLICT', { userMessage: `lead ${merged.id} is already merged into ${merged.merged_into_id}` });

    // The merged lead gives up its identity first: the unique live-identity indexes must see it leave.
    await updateLead(trx, merged.id, { merged_into_id: survivor.id, updated_at: options.now });
    const fill: LeadUpdate = {};
    for (const column of fillableColumns) {
      if (survivor[column] === null && merged[column] !== null) (fill as Record<string, unknown>)[column] = merged[column];
    }
    const attributes = { ...(merged.attributes ?? {}), ...(survivor.attributes ?? {}) };
    await updateLead(trx, survivor.id, { ...fill, attributes: JSON.stringify(attributes), updated_at: options.now });
    await moveTouches(trx, merged.id, survivor.id);
    if (merged.owner_id && openStages.includes(merged.stage)) await adjustOpenLeadCount(trx, merged.owner_id, -1);
    await resolveDuplicateCandidates(trx, survivor.id, merged.id, 'merged', options.now);
    const detail = { survivorId: survivor.id, mergedId: merged.id, filledFields: Object.keys(fill) };
    await insertLeadEvents(trx, [
      { lead_id: survivor.id, type: 'merged', from_stage: null, to_stage: null, at: options.now, actor_type: options.actor.type, actor_id: options.actor.id, reason: `Merged lead ${merged.id} into this one`, detail },
      { lead_id: merged.id, type: 'merged', from_stage: null, to_stage: null, at: options.now, actor_type: options.actor.type, actor_id: options.actor.id, reason: `Merged into lead ${survivor.id}`, detail },
    ]);
    const actor = auditActorOfCapture(options.actor);
    const survivorChanges = changedValues(survivor, { ...fill, attributes }) ?? { oldValues: {}, newValues: {} };
    await recordAuditBatch(trx, [
      {
        actor,
        action: 'merge',
        entityType: 'lead',
        entityId: survivor.id,
        oldValues: survivorChanges.oldValues,
        newValues: { ...survivorChanges.newValues, merged_lead_id: merged.id },
      },
      { actor, action: 'merge', entityType: 'lead', entityId: merged.id, oldValues: { merged_into_id: null }, newValues: { merged_into_id: survivor.id } },
    ]);
    const refreshed = (await lockLeadById(trx, survivor.id))!;
    if (refreshed.stage === 'junk') return refreshed;
    return reassessLead(trx, { lead: refreshed, current: refreshed.stage, active, actor: options.actor, now: options.now, reason: 'Rescored after a merge' });
  });
}
