import { likelyDuplicateKeys } from '../../core/dedupe/duplicate-keys.ts';
import type { Db, LeadRow } from '../../db/database.ts';
import { insertDuplicateCandidates } from '../leads/duplicate-candidate.repository.ts';
import { insertLeadEvents, type LeadEventToInsert } from '../leads/lead-event.repository.ts';
import type { CaptureActor } from './capture-leads.ts';
import type { LeadWritePlan } from './plan-lead-write.ts';

type DuplicateCandidate = Pick<LeadRow, 'id' | 'phone' | 'name_key'>;
type StoredLead = Pick<LeadRow, 'id' | 'phone' | 'phone_valid' | 'name_key'>;

/**
 * Flags new leads that are probably someone we already have — same valid phone, or same name at the
 * same company domain — for a person to review and merge. Never merges by itself: two people can
 * share a switchboard number. `stored` are the live leads sharing a key that were read before the
 * batch was written (findCaptureContext); the batch's own leads, as written, are compared here.
 */
export async function flagLikelyDuplicates(db: Db, plans: readonly LeadWritePlan[], stored: readonly StoredLead[], actor: CaptureActor, now: Date): Promise<void> {
  const created = plans.filter((plan) => plan.kind === 'new');
  const keysByLead = new Map(created.map((plan) => [plan.leadId, likelyDuplicateKeys(plan.lead)]));
  const phones = new Set([...keysByLead.values()].flat().filter((key) => key.kind === 'phone').map((key) => key.key));
  const names = new Set([...keysByLead.values()].flat().filter((key) => key.kind === 'name_at_company').map((key) => key.key));
  if (phones.size === 0 && names.size === 0) return;

  // The leads a lookup after the write would find: the stored ones, with this batch's changes to
  // existing leads applied, and this batch's new leads.
  const candidates = new Map<string, DuplicateCandidate>();
  const consider = (lead: { id: string; phone: unknown; phone_valid: unknown; name_key: unknown }) => {
    const phone = typeof lead.phone === 'string' ? lead.phone : null;
    const nameKey = typeof lead.name_key === 'string' ? lead.name_key : null;
    if ((phone !== null && lead.phone_valid === true && phones.has(phone)) || (nameKey !== null && names.has(nameKey))) {
      candidates.set(lead.id, { id: lead.id, phone, name_key: nameKey });
    } else {
      candidates.delete(lead.id);
    }
  };
  const storedById = new Map(stored.map((lead) => [lead.id, lead]));
  for (const lead of stored) consider(lead);
  for (const plan of plans) {
    const before = storedById.get(plan.leadId);
    if (plan.kind === 'existing' && plan.update && ('phone' in plan.update || 'phone_valid' in plan.update)) {
      consider({ id: plan.leadId, phone: plan.lead.phone, phone_valid: plan.lead.phoneValid, name_key: before?.name_key ?? null });
    }
    if (plan.insert) consider({ id: plan.leadId, phone: plan.insert['phone'], phone_valid: plan.insert['phone_valid'], name_key: plan.insert['name_key'] });
  }

  const indexByKey = new Map<string, DuplicateCandidate[]>();
  const index = (key: string, candidate: DuplicateCandidate) => indexByKey.set(key, [...(indexByKey.get(key) ?? []), candidate]);
  for (const candidate of candidates.values()) {
    if (candidate.phone !== null) index(`phone|${candidate.phone}`, candidate);
    if (candidate.name_key !== null) index(`name_at_company|${candidate.name_key}`, candidate);
  }

  const createdOrder = new Map(created.map((plan, position) => [plan.leadId, position]));
  const pairs: { lead_id: string; other_lead_id: string; reason: string }[] = [];
  const events: LeadEventToInsert[] = [];
  for (const [leadId, keys] of keysByLead) {
    for (const key of keys) {
      for (const match of indexByKey.get(`${key.kind}|${key.key}`) ?? []) {
        if (match.id === leadId) continue;
        // Between two leads of this batch, flag once: the later one points at the earlier.
        if (createdOrder.has(match.id) && createdOrder.get(match.id)! > createdOrder.get(leadId)!) continue;
        const reason = key.kind === 'phone' ? `same phone ${key.key}` : 'same name at the same company domain';
        pairs.push({ lead_id: leadId, other_lead_id: match.id, reason });
        events.push({ lead_id: leadId, type: 'duplicate_flagged', from_stage: null, to_stage: null, at: now, actor_type: 'system', actor_id: null, reason: `Possible duplicate of lead ${match.id}: ${reason}`, detail: { otherLeadId: match.id, via: actor.label } });
      }
    }
  }
  if (pairs.length === 0) return;
  const inserted = await insertDuplicateCandidates(db, pairs);
  await insertLeadEvents(db, events.filter((event) => inserted.has(`${event.lead_id}|${(event.detail as { otherLeadId: string }).otherLeadId}`)));
}
