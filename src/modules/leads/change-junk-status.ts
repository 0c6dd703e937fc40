import type { Kysely } from 'kysely';
import type { AccessContext } from '../../core/access/access-context.ts';
import { openStages } from '../../core/pact/pact-schema.ts';
import type { Database, LeadRow } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { assertKind, authorizeLead } from '../access/authorize-record.ts';
import { auditActorOfCapture, recordAudit } from '../audit/record-audit.ts';
import type { CaptureActor } from '../capture/capture-leads.ts';
import { loadActivePact } from '../pact/load-active-pact.ts';
import { adjustOpenLeadCount } from '../team/rep.repository.ts';
import { insertLeadEvents } from './lead-event.repository.ts';
import { lockLeadById, updateLead } from './lead.repository.ts';
import { reassessLead } from './reassess-lead.ts';

/**
 * Marks a lead as junk by hand, with the reason; it keeps everything and can be restored. Junk is
 * marketing's verdict on data (admins and marketing: the access policy's `junk`); sales closes a
 * lead with a disposition instead (PATCH stage disqualified).
 */
export async function markLeadJunk(db: Kysely<Database>, options: { leadId: string; reason: string; actor: CaptureActor; now: Date; access: AccessContext }): Promise<LeadRow> {
  assertKind(options.access, 'lead');
  return db.transaction().execute(async (trx) => {
    const lead = await lockLeadById(trx, options.leadId);
    if (!lead) throw AppError.notFound('lead', options.leadId);
    await authorizeLead(trx, options.access, lead.id, 'junk');
    if (lead.stage === 'junk') throw new AppError('CONFLICT', { userMessage: 'the lead is already junk' });
    if (!['inquiry', 'mql', 'recycled'].includes(lead.stage)) {
      throw new AppError('CONFLICT', { userMessage: `a lead in stage ${lead.stage} is not junk; disqualify it with a disposition instead` });
    }
    if (lead.owner_id && openStages.includes(lead.stage)) await adjustOpenLeadCount(trx, lead.owner_id, -1);
    await updateLead(trx, lead.id, { stage: 'junk', stage_changed_at: options.now, junk_code: 'manual', junk_reason: options.reason, owner_id: null, updated_at: options.now });
    await insertLeadEvents(trx, [{ lead_id: lead.id, type: 'stage_change', from_stage: lead.stage, to_stage: 'junk', at: options.now, actor_type: options.actor.type, actor_id: options.actor.id, reason: `Marked junk: ${options.reason}`, detail: { previousOwnerId: lead.owner_id, note: options.reason } }]);
    await recordAudit(trx, {
      actor: auditActorOfCapture(options.actor),
      action: 'update',
      entityType: 'lead',
      entityId: lead.id,
      oldValues: { stage: lead.stage, junk_code: lead.junk_code, junk_reason: lead.junk_reason, owner_id: lead.owner_id },
      newValues: { stage: 'junk', junk_code: 'manual', junk_reason: options.reason, owner_id: null },
    });
    return (await lockLeadById(trx, lead.id))!;
  });
}

/**
 * Takes a lead out of junk: it becomes an inquiry again, is rescored under the active pact and,
 * when it qualifies, becomes an MQL and is routed. The junk reason stays in the timeline. For
 * admins and marketing (the access policy's `restore`).
 */
export async function restoreJunkLead(db: Kysely<Database>, options: { leadId: string; reason: string; actor: CaptureActor; now: Date; access: AccessContext }): Promise<LeadRow> {
  assertKind(options.access, 'lead');
  const active = await loadActivePact(db);
  return db.transaction().execute(async (trx) => {
    const lead = await lockLeadById(trx, options.leadId);
    if (!lead) throw AppError.notFound('lead', options.leadId);
    await authorizeLead(trx, options.access, lead.id, 'restore');
    if (lead.stage !== 'junk') throw new AppError('CONFLICT', { userMessage: `the lead is ${lead.stage}, not junk` });
    await updateLead(trx, lead.id, { stage: 'inquiry', stage_changed_at: options.now, junk_code: null, junk_reason: null, updated_at: options.now });
    await insertLeadEvents(trx, [{ lead_id: lead.id, type: 'stage_change', from_stage: 'junk', to_stage: 'inquiry', at: options.now, actor_type: options.actor.type, actor_id: options.actor.id, reason: `Restored from junk (${lead.junk_code}: ${lead.junk_reason}): ${options.reason}`, detail: { junkCode: lead.junk_code, junkReason: lead.junk_reason, note: options.reason } }]);
    await recordAudit(trx, {
      actor: auditActorOfCapture(options.actor),
      action: 'update',
      entityType: 'lead',
      entityId: lead.id,
      oldValues: { stage: 'junk', junk_code: lead.junk_code, junk_reason: lead.junk_reason },
      newValues: { stage: 'inquiry', junk_code: null, junk_reason: null },
    });
    const restored = (await lockLeadById(trx, lead.id))!;
    return reassessLead(trx, { lead: restored, current: 'inquiry', active, actor: options.actor, now: options.now, reason: 'Rescored after restore' });
  });
}
