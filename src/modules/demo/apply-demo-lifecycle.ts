import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DemoLifecycleStep, DemoOpportunity } from '../../core/demo/demo-organisation.ts';
import { openStages } from '../../core/pact/pact-schema.ts';
import type { Database, LeadRow, StageValue } from '../../db/database.ts';
import { changedValues, createdValues } from '../audit/audit-values.ts';
import { recordAuditBatch, systemActor, type AuditEntry } from '../audit/record-audit.ts';
import { insertLeadEvents, type LeadEventToInsert } from '../leads/lead-event.repository.ts';
import { updateLead } from '../leads/lead.repository.ts';
import { adjustOpenLeadCount } from '../team/rep.repository.ts';

export interface ResolvedLifecycleStep {
  leadId: string;
  step: DemoLifecycleStep;
  opportunity: DemoOpportunity | null;
  actorId: string | null;
}

/** Which stage a step may start from; a step that does not fit the lead's real stage is skipped. */
const allowedFrom: Partial<Record<StageValue, readonly StageValue[]>> = {
  sal: ['mql'],
  sql: ['sal'],
  won: ['sql'],
  lost: ['sql'],
  disqualified: ['mql', 'sal', 'sql'],
  recycled: ['mql', 'sal', 'sql'],
};

/**
 * Applies what the demo's sales team did on one day, in time order, in one transaction. The
 * pipeline decided which leads became MQLs; a generated step that does not follow from the lead's
 * actual stage (sales cannot accept a lead that never qualified) is skipped. Returns steps applied.
 * Audited as the system's doing (the demo loader wrote it; the timeline names the simulated rep):
 * each lead's changed columns, each opportunity opened and closed.
 */
export async function applyDemoLifecycleSteps(db: Kysely<Database>, steps: readonly ResolvedLifecycleStep[]): Promise<number> {
  if (steps.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('leads').selectAll().where('id', 'in', [...new Set(steps.map((step) => step.leadId))]).execute();
    const leads = new Map<string, LeadRow>(rows.map((row) => [row.id, row]));
    const events: LeadEventToInsert[] = [];
    const audit: AuditEntry[] = [];
    let applied = 0;
    for (const { leadId, step, opportunity, actorId } of steps) {
      const lead = leads.get(leadId);
      const from = lead?.stage;
      if (!lead || !from || !allowedFrom[step.to]?.includes(from)) continue;
      let ownerId = lead.owner_id;
      if (step.to === 'sal' && ownerId === null && actorId) {
        ownerId = actorId;
        await adjustOpenLeadCount(trx, actorId, 1);
      }
      const closes = openStages.includes(from) && !openStages.includes(step.to);
      if (closes && ownerId) await adjustOpenLeadCount(trx, ownerId, -1);
      const changes: Partial<LeadRow> = { stage: step.to, stage_changed_at: step.at, updated_at: step.at, owner_id: step.to === 'recycled' ? null : ownerId };
      if (step.dispositionCode) changes.disposition_code = step.dispositionCode;
      if (step.recycleUntil) changes.recycle_until = step.recycleUntil;
      if (step.to === 'sal' && lead.owner_id === null && ownerId) changes.assigned_at = step.at;
      await updateLead(trx, leadId, changes as never);
      const leadChanges = changedValues(lead, changes);
      if (leadChanges) audit.push({ actor: systemActor, action: 'update', entityType: 'lead', entityId: leadId, ...leadChanges });
      if (step.to === 'sql' && opportunity) {
        const values = { id: randomUUID(), lead_id: leadId, account_id: lead.account_id, owner_id: ownerId, name: `${lead.company ?? [lead.first_name, lead.last_name].filter(Boolean).join(' ')} — new business`, amount_minor: opportunity.valueMinor, currency: opportunity.currency, expected_close_on: opportunity.expectedCloseOn, status: 'open' as const, opened_at: step.at };
        await trx.insertInto('opportunities').values(values).execute();
        audit.push({ actor: systemActor, action: 'create', entityType: 'opportunity', entityId: values.id, newValues: createdValues(values) });
      }
      if (step.to === 'won' || step.to === 'lost') {
        const closed = await trx.updateTable('opportunities').set({ status: step.to, closed_at: step.at, close_reason: step.reason, updated_at: step.at }).where('lead_id', '=', leadId).where('status', '=', 'open').returning('id').execute();
        for (const { id } of closed) {
          audit.push({ actor: systemActor, action: 'update', entityType: 'opportunity', entityId: id, oldValues: { status: 'open', closed_at: null, close_reason: null }, newValues: { status: step.to, closed_at: step.at.toISOString(), close_reason: step.reason } });
        }
      }
      events.push({ lead_id: leadId, type: 'stage_change', from_stage: from, to_stage: step.to, at: step.at, actor_type: 'user', actor_id: ownerId ?? actorId, reason: step.reason, detail: step.dispositionCode ? { dispositionCode: step.dispositionCode } : null });
      leads.set(leadId, { ...lead, ...changes } as LeadRow);
      applied += 1;
    }
    await insertLeadEvents(trx, events);
    await recordAuditBatch(trx, audit);
    return applied;
  });
}
