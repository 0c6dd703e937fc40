import type { Kysely } from 'kysely';
import type { AccessContext } from '../../core/access/access-context.ts';
import { decideAssignee, type LeadAction } from '../../core/access/access-policy.ts';
import { isUuid } from '../../core/identity/uuid.ts';
import { likelyDuplicateKeys } from '../../core/dedupe/duplicate-keys.ts';
import { applyContactChanges } from '../../core/lead/apply-contact-changes.ts';
import { stageChangeDetails } from '../../core/lead/stage-change-details.ts';
import { classifyStageMove, isOpenStage } from '../../core/lead/stage-move.ts';
import type { Database, Db, LeadRow, LeadUpdate, UserRow } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { assertRecordMay, enforceDecision } from '../access/enforce-access.ts';
import { assertKind, authorizeLead } from '../access/authorize-record.ts';
import { changedValues } from '../audit/audit-values.ts';
import { auditActorOfCapture, recordAudit } from '../audit/record-audit.ts';
import type { CaptureActor } from '../capture/capture-leads.ts';
import { loadActivePact, type ActivePact } from '../pact/load-active-pact.ts';
import { adjustOpenLeadCount } from '../team/rep.repository.ts';
import { findUserById } from '../team/user.repository.ts';
import { derivedLeadFields, hasContactChanges, type LeadChanges } from './lead-changes.ts';
import { insertLeadEvents, type LeadEventToInsert } from './lead-event.repository.ts';
import { findLeadById, lockLeadById, updateLead as updateLeadRow } from './lead.repository.ts';
import { normalizedLeadFromRow } from './lead-row-mapping.ts';
import { reassessLead } from './reassess-lead.ts';

const assignableRoles: readonly UserRow['role'][] = ['sales_rep', 'sales_manager'];

/**
 * Changes a lead by hand: contact corrections (normalized as capture normalizes them; the lead is
 * then rescored under the active pact), its owner, and its stage. In one transaction, with the
 * lead locked; the owner's open-lead counter follows every change of owner or of open/closed
 * stage; the timeline gets an event per kind of change (actor and reason) and the audit log one
 * entry with every changed column, old and new.
 *
 * Who may do what is the access policy's: contact fields `edit_contact`; `ownerId` `reassign`
 * (a manager only within their team); a one-step stage move `move_stage`, any other move
 * `skip_stage` (admins only). Score, grade, fit and engagement are never set by hand — they follow
 * from the pact — and are refused with 400 to anyone allowed to change the lead. A lead the caller
 * may not see is a 404, whatever they asked.
 */
export async function updateLead(db: Kysely<Database>, options: { leadId: string; changes: LeadChanges; access: AccessContext; actor: CaptureActor; now: Date }): Promise<LeadRow> {
  const { changes, access, now, actor } = options;
  if (!isUuid(options.leadId)) throw AppError.validation([{ path: 'id', message: 'not a lead id (uuid)' }]);
  assertKind(access, 'lead');
  const active = await loadActivePact(db);
  return db.transaction().execute(async (trx) => {
    const before = await lockLeadById(trx, options.leadId);
    if (!before) throw AppError.notFound('lead', options.leadId);
    const relations = await authorizeLead(trx, access, before.id, 'read');
    const needed = actionsNeeded(before, changes);
    for (const action of needed.actions) assertRecordMay(access, 'lead', action, { id: before.id, relations });
    if (needed.impossible) throw needed.impossible;

    const derived = derivedLeadFields.filter((field) => changes[field] !== undefined);
    if (derived.length > 0) {
      throw AppError.validation(derived.map((field) => ({ path: field, message: 'derived from the pact’s rules; change the lead’s data, its touches or the pact instead' })));
    }
    if (before.merged_into_id) throw new AppError('CONFLICT', { userMessage: `lead ${before.id} was merged into lead ${before.merged_into_id}; change that one` });

    const update: LeadUpdate = {};
    const events: LeadEventToInsert[] = [];
    // `reason` reads whole on its own (CLI, exports); `note` keeps the person's words apart (null:
    // they gave none), for screens that already show who acted and what changed.
    const note = { note: changes.reason ?? null };
    const event = (type: LeadEventToInsert['type'], reason: string, detail: Record<string, unknown>, stages: Pick<LeadEventToInsert, 'from_stage' | 'to_stage'> = { from_stage: null, to_stage: null }) =>
      events.push({ lead_id: before.id, type, ...stages, at: now, actor_type: actor.type, actor_id: actor.id, reason, detail: { ...detail, ...note } });
    const because = changes.reason ? `: ${changes.reason}` : '';

    if (hasContactChanges(changes)) {
      Object.assign(update, contactColumns(before, changes, active));
      const fields = Object.keys(update);
      if (fields.length > 0) event('updated', `Contact details corrected by ${actor.label}${because}`, { fields });
    }

    let ownerId = before.owner_id;
    if (changes.ownerId !== undefined && changes.ownerId !== before.owner_id) {
      const owner = changes.ownerId === null ? null : await assignableUser(trx, changes.ownerId);
      enforceDecision(decideAssignee(access, owner ? { userId: owner.id, teamId: owner.team_id } : null), access, { action: 'lead:reassign', target: { type: 'lead', id: before.id }, relations });
      ownerId = owner?.id ?? null;
      Object.assign(update, { owner_id: ownerId, assigned_at: owner ? now : null, ...(owner?.team_id ? { team_id: owner.team_id } : {}) });
      event('assignment', `${owner ? `Assigned to ${owner.name}` : 'Unassigned (back to the team queue)'} by ${actor.label}${because}`, { previousOwnerId: before.owner_id, ownerId, ownerName: owner?.name ?? null, manual: true });
    }

    let stage = before.stage;
    if (changes.stage !== undefined) {
      const details = stageChangeDetails({ to: changes.stage, dispositionCode: changes.dispositionCode, recycleUntil: changes.recycleUntil, dispositions: active.pact.dispositions, now });
      if (!details.ok) throw AppError.validation(details.issues);
      stage = changes.stage;
      if (stage === 'recycled') {
        if (changes.ownerId) throw AppError.validation([{ path: 'ownerId', message: 'a recycled lead goes back to marketing’s nurture without an owner' }]);
        ownerId = null;
        update.owner_id = null;
      }
      Object.assign(update, { stage, stage_changed_at: now, disposition_code: details.details.dispositionCode, recycle_until: details.details.recycleUntil });
      const detail = { dispositionCode: details.details.dispositionCode, recycleUntil: details.details.recycleUntil?.toISOString() ?? null, ...(stage === 'recycled' ? { previousOwnerId: before.owner_id } : {}) };
      event('stage_change', `Moved to ${stage} by ${actor.label}${because}`, detail, { from_stage: before.stage, to_stage: stage });
    }

    if (Object.keys(update).length === 0) return before;
    await keepOpenLeadCountsTrue(trx, { ownerId: before.owner_id, open: isOpenStage(before.stage) }, { ownerId, open: isOpenStage(stage) });
    await updateLeadRow(trx, before.id, { ...update, updated_at: now });
    await insertLeadEvents(trx, events);
    const after = (await findLeadById(trx, before.id))!;
    const changed = changedValues(before, after, Object.keys(update));
    if (changed) await recordAudit(trx, { actor: auditActorOfCapture(actor), action: 'update', entityType: 'lead', entityId: before.id, ...changed });
    if (!hasContactChanges(changes) || after.stage === 'junk') return after;
    return reassessLead(trx, { lead: after, current: after.stage, active, actor, now, reason: 'Rescored after its details were corrected' });
  });
}

/**
 * The policy actions a change needs (each kind of change is checked on its own) and, for an
 * impossible stage move, the refusal to give once the caller's right to move this lead at all was
 * checked — so the refusal says nothing to someone who may not: junk has its own endpoint (400),
 * the same stage or a move out of junk conflicts with the lead's state (409).
 */
function actionsNeeded(lead: LeadRow, changes: LeadChanges): { actions: LeadAction[]; impossible: AppError | null } {
  const actions: LeadAction[] = [];
  // Derived fields are refused to whoever may change the lead at all; a read-only viewer gets 403.
  if (hasContactChanges(changes) || derivedLeadFields.some((field) => changes[field] !== undefined)) actions.push('edit_contact');
  if (changes.ownerId !== undefined) actions.push('reassign');
  let impossible: AppError | null = null;
  if (changes.stage !== undefined) {
    const move = classifyStageMove(lead.stage, changes.stage);
    actions.push(move.kind === 'jump' ? 'skip_stage' : 'move_stage');
    if (move.kind === 'invalid') {
      impossible =
        changes.stage === 'junk'
          ? AppError.validation([{ path: 'stage', message: move.reason }])
          : new AppError('CONFLICT', { userMessage: move.reason, issues: [{ path: 'stage', message: move.reason }] });
    }
  }
  return { actions, impossible };
}

async function assignableUser(db: Db, userId: string): Promise<UserRow> {
  const user = await findUserById(db, userId);
  if (!user) throw AppError.validation([{ path: 'ownerId', message: `no user ${userId}` }]);
  if (!user.active) throw AppError.validation([{ path: 'ownerId', message: `${user.email} is not active` }]);
  if (!assignableRoles.includes(user.role)) throw AppError.validation([{ path: 'ownerId', message: `${user.email} has role ${user.role}; leads are owned by sales reps and managers` }]);
  return user;
}

/** The columns a contact correction changes, normalized; 400 naming the field it cannot understand. */
function contactColumns(lead: LeadRow, changes: LeadChanges, active: ActivePact): LeadUpdate {
  if (lead.erased_at) throw new AppError('CONFLICT', { userMessage: 'this person’s personal data was erased; their contact details cannot be set again' });
  const result = applyContactChanges(normalizedLeadFromRow(lead), changes, { defaultPhoneRegion: active.pact.defaultPhoneRegion });
  if (!result.ok) throw AppError.validation(result.issues);
  const next = result.lead;
  const candidate: LeadUpdate = {
    first_name: next.firstName,
    last_name: next.lastName,
    title: next.title,
    seniority: next.seniority,
    phone: next.phone,
    phone_valid: next.phoneValid,
    company: next.company,
    company_key: next.companyMatchKey,
    website: next.website,
    website_domain: next.websiteDomain,
    industry: next.industry,
    employees: next.employees,
    country: next.country,
    state: next.state,
    city: next.city,
    name_key: likelyDuplicateKeys(next).find((key) => key.kind === 'name_at_company')?.key ?? null,
  };
  return Object.fromEntries(Object.entries(candidate).filter(([column, value]) => lead[column as keyof LeadRow] !== value)) as LeadUpdate;
}

/** A lead counts against its owner's capacity while open: move the count with the owner and the stage. */
async function keepOpenLeadCountsTrue(db: Db, before: { ownerId: string | null; open: boolean }, after: { ownerId: string | null; open: boolean }): Promise<void> {
  if (before.ownerId === after.ownerId && before.open === after.open) return;
  if (before.ownerId && before.open) await adjustOpenLeadCount(db, before.ownerId, -1);
  if (after.ownerId && after.open) await adjustOpenLeadCount(db, after.ownerId, 1);
}
