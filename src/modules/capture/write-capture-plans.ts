import type { Db } from '../../db/database.ts';
import type { AuditEntry } from '../audit/record-audit.ts';
import type { RepCounters } from './route-leads.ts';
import { updateLeads } from '../leads/lead.repository.ts';
import { insertCaptureRows, type AccountToCreate } from './capture-write.repository.ts';
import type { LeadWritePlan } from './plan-lead-write.ts';

/**
 * Writes the decided plans: new accounts, new leads, touches, events, the routed reps' counters and
 * the audit entries in one statement, then the changes to existing leads. Returns false (having
 * written nothing) when a concurrent capture took one of our new people or company domains first;
 * the transaction must then be retried.
 */
export async function writeCapturePlans(
  db: Db,
  plans: readonly LeadWritePlan[],
  newAccounts: readonly AccountToCreate[],
  also: { repCounters: readonly RepCounters[]; audit: readonly AuditEntry[] },
): Promise<boolean> {
  const complete = await insertCaptureRows(db, {
    accounts: newAccounts,
    leads: plans.flatMap((plan) => (plan.insert ? [plan.insert] : [])),
    touches: plans.flatMap((plan) => plan.touches),
    events: plans.flatMap((plan) => plan.events),
    repCounters: also.repCounters,
    audit: also.audit,
  });
  if (!complete) return false;
  await updateLeads(db, plans.flatMap((plan) => (plan.update ? [{ id: plan.leadId, changes: plan.update }] : [])));
  return true;
}
