import { assessLead, nextStage } from '../../core/capture/assess-lead.ts';
import { buildLeadFacts } from '../../core/lead/build-lead-facts.ts';
import type { AccountClass, TouchType } from '../../core/pact/pact-schema.ts';
import type { Db, LeadRow, LeadUpdate } from '../../db/database.ts';
import { findAccountById } from '../accounts/account.repository.ts';
import { changedValues } from '../audit/audit-values.ts';
import { auditActorOfCapture, recordAudit } from '../audit/record-audit.ts';
import { findCampaignNamesByIds } from '../campaigns/campaign.repository.ts';
import type { CaptureActor } from '../capture/capture-leads.ts';
import { accountFactsOf } from '../capture/match-accounts.ts';
import { routeLeads } from '../capture/route-leads.ts';
import type { ActivePact } from '../pact/load-active-pact.ts';
import { insertLeadEvents, type LeadEventToInsert } from './lead-event.repository.ts';
import { findLeadById, updateLead } from './lead.repository.ts';
import { normalizedLeadFromRow } from './lead-row-mapping.ts';
import { findTouchesForLeads } from './touch.repository.ts';

/**
 * Scores one lead again with all its touches under the active pact, moves it to MQL when it now
 * qualifies (from inquiry or a restored junk lead, given as `current`) and routes it when it has
 * no owner. Used after a merge, a restore from junk and a touch recorded by hand. Audited: the
 * columns that changed (score, grade, stage, routing), old and new; nothing when nothing changed.
 */
export async function reassessLead(
  trx: Db,
  options: { lead: LeadRow; current: LeadRow['stage'] | null; active: ActivePact; actor: CaptureActor; now: Date; reason: string },
): Promise<LeadRow> {
  const { lead, active, now, actor } = options;
  const account = lead.account_id ? await findAccountById(trx, lead.account_id) : undefined;
  const campaignNames = await findCampaignNamesByIds(trx, lead.campaign_id ? [lead.campaign_id] : []);
  const facts = buildLeadFacts(normalizedLeadFromRow(lead), account ? accountFactsOf(account) : null, lead.campaign_id ? (campaignNames.get(lead.campaign_id) ?? null) : null);
  const touches = (await findTouchesForLeads(trx, [lead.id])).map((touch) => ({ type: touch.type as TouchType, occurredAt: touch.occurred_at }));
  const assessment = assessLead({ facts, touches, pact: active.pact, now, checkJunk: false });
  const stage = options.current === null ? (assessment.mql.isMql ? 'mql' : 'inquiry') : nextStage({ current: options.current, assessment, recycleUntil: lead.recycle_until, now });
  const update: LeadUpdate = {
    fit_score: assessment.score.fit,
    engagement_score: assessment.score.engagement,
    score: assessment.score.total,
    grade: assessment.score.grade,
    score_explanation: JSON.stringify(assessment.score.explanation),
    scored_at: now,
    mql_clause: assessment.mql.clause ?? lead.mql_clause,
    pact_version_id: active.versionId,
    updated_at: now,
  };
  const events: LeadEventToInsert[] = [];
  if (stage !== lead.stage) {
    update.stage = stage;
    update.stage_changed_at = now;
    events.push({ lead_id: lead.id, type: 'stage_change', from_stage: lead.stage, to_stage: stage, at: now, actor_type: actor.type, actor_id: actor.id, reason: stage === 'mql' ? `${options.reason}; MQL: ${assessment.mql.clause}` : options.reason, detail: null });
  }
  if (stage === 'mql' && lead.owner_id === null) {
    const accountClass = (lead.account_class ?? active.pact.classification.defaultClass) as AccountClass;
    const [routed] = await routeLeads(trx, [{ facts, accountClass, accountOwnerId: account?.owner_id ?? null, now }], active.pact);
    const { decision, teamId, teamName } = routed!;
    Object.assign(update, { team_id: teamId, owner_id: decision.ownerId, assigned_at: decision.ownerId ? now : null, routing: JSON.stringify({ team: teamName, accountClass, ...decision }) });
    events.push({ lead_id: lead.id, type: 'assignment', from_stage: null, to_stage: null, at: now, actor_type: 'system', actor_id: null, reason: decision.reason, detail: { strategy: decision.strategy, ownerId: decision.ownerId, team: teamName, skipped: decision.skipped, via: actor.label } });
  }
  await updateLead(trx, lead.id, update);
  await insertLeadEvents(trx, events);
  const after = (await findLeadById(trx, lead.id))!;
  const changes = changedValues(lead, after, Object.keys(update));
  if (changes) await recordAudit(trx, { actor: auditActorOfCapture(actor), action: 'update', entityType: 'lead', entityId: lead.id, ...changes });
  return after;
}
