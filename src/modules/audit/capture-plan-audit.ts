import type { LeadRow } from '../../db/database.ts';
import type { CaptureActor } from '../capture/capture-leads.ts';
import type { LeadWritePlan } from '../capture/plan-lead-write.ts';
import { changedValues, createdValues, leadJsonColumns, withJsonColumnsParsed } from './audit-values.ts';
import { auditActorOfCapture, type AuditActor, type AuditEntry } from './record-audit.ts';

/**
 * The audit entries of one capture batch, to be written in the batch's transaction right after
 * its plans (`recordAuditBatch`): a `create` with the row for every new lead, an `update` with the
 * changed columns (old → new) for every existing lead the capture changed — filled blanks, account,
 * score, grade, stage, routing. A capture that changed nothing (a re-sent row) writes no entry.
 * `existing` are the rows of the existing leads as they were before the batch (a plan whose row is
 * missing there is recorded as if its changed columns had been blank). Pure: no I/O.
 */
export function auditEntriesForCapturePlans(plans: readonly LeadWritePlan[], options: { actor: CaptureActor; existing: readonly LeadRow[] }): AuditEntry[] {
  const actor = auditActorOfCapture(options.actor);
  const before = new Map(options.existing.map((row) => [row.id, row]));
  const entries: AuditEntry[] = [];
  for (const plan of plans) {
    if (plan.insert) {
      entries.push({ actor, action: 'create', entityType: 'lead', entityId: plan.leadId, oldValues: null, newValues: createdValues(plan.insert) });
      continue;
    }
    if (!plan.update) continue;
    const changes = changedValues(before.get(plan.leadId) ?? {}, withJsonColumnsParsed(plan.update, leadJsonColumns));
    if (changes) entries.push({ actor, action: 'update', entityType: 'lead', entityId: plan.leadId, ...changes });
  }
  return entries;
}

/**
 * One `create` entry per row a bulk path inserted (the row as written), e.g. the accounts capture
 * creates for new company domains or the demo loader's staff. Pass only rows actually inserted.
 */
export function auditEntriesForCreatedRows(actor: AuditActor, entityType: string, rows: readonly ({ id: string } & object)[]): AuditEntry[] {
  return rows.map((row) => ({ actor, action: 'create', entityType, entityId: row.id, oldValues: null, newValues: createdValues(row) }));
}
