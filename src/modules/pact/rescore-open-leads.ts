import type { Kysely } from 'kysely';
import { assessLead, nextStage } from '../../core/capture/assess-lead.ts';
import { buildLeadFacts } from '../../core/lead/build-lead-facts.ts';
import { openStages, pactDocumentSchema, type AccountClass, type TouchType } from '../../core/pact/pact-schema.ts';
import type { Database, Db, LeadRow } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { changedValues } from '../audit/audit-values.ts';
import { recordAuditBatch, systemActor, type AuditEntry } from '../audit/record-audit.ts';
import { accountFactsOf } from '../capture/match-accounts.ts';
import { routeLeads } from '../capture/route-leads.ts';
import { findAccountsByIds } from '../accounts/account.repository.ts';
import { findCampaignNamesByIds } from '../campaigns/campaign.repository.ts';
import { insertLeadEvents, type LeadEventToInsert } from '../leads/lead-event.repository.ts';
import { countOpenLeads, listOpenLeadsAfter, updateLeadScores, type LeadScoreUpdate } from '../leads/lead-rescore.repository.ts';
import { normalizedLeadFromRow } from '../leads/lead-row-mapping.ts';
import { findTouchesForLeads } from '../leads/touch.repository.ts';
import { findActivePactVersionId, findPactVersionById } from './pact-version.repository.ts';
import { findRescoreRun, updateRescoreRun } from './rescore-run.repository.ts';

export interface RescoreSummary {
  total: number;
  processed: number;
  gradeChanged: number;
  /** "B→A": count, for each change seen. */
  gradeChanges: Record<string, number>;
  /** Inquiries that qualify as MQLs now (routed like captured ones). */
  becameMql: number;
  /**
   * Recycled leads whose recycle date has passed and that qualify: they come back as MQLs (and are
   * routed) whatever the pact change was — time, not the new version, brought them back — so they
   * are counted apart from `becameMql`.
   */
  resurfaced: number;
  /** MQLs that no longer meet the definition. They keep their stage and owner; listed for review. */
  lostMql: number;
  lostMqlLeadIds: string[];
  superseded: boolean;
}

const recycledAndOpen = [...openStages, 'recycled'] as const;

/**
 * Rescores, regrades and re-evaluates for MQL every open lead under the run's pact version, in
 * batches (one transaction each, progress written after each). New MQLs — inquiries that qualify
 * now, and recycled leads that are due back and qualify — are routed like captured ones. Leads
 * are scored on the same facts capture scores them with (the lead, its account, its campaign, all
 * its touches), so under an unchanged pact, at the `now` they were last scored at, no score or
 * grade changes; only recycled leads that are due come back. Safe to run again after a crash: a
 * completed run is returned as it is, an interrupted one starts over (rescoring is idempotent).
 * A run whose version is no longer active is skipped. Every lead whose score, grade, stage or
 * routing changed gets one audit entry (written in bulk with its batch); unchanged leads get none.
 */
export async function rescoreOpenLeads(db: Kysely<Database>, options: { runId: string; now: Date; batchSize?: number }): Promise<RescoreSummary> {
  const run = await findRescoreRun(db, options.runId);
  if (!run) throw AppError.notFound('rescore run', options.runId);
  if (run.status === 'completed' && run.summary) return run.summary as unknown as RescoreSummary;
  const version = await findPactVersionById(db, run.pact_version_id);
  if (!version) throw AppError.notFound('pact version', run.pact_version_id);
  const summary: RescoreSummary = { total: 0, processed: 0, gradeChanged: 0, gradeChanges: {}, becameMql: 0, resurfaced: 0, lostMql: 0, lostMqlLeadIds: [], superseded: false };

  if ((await findActivePactVersionId(db)) !== version.id) {
    summary.superseded = true;
    await updateRescoreRun(db, run.id, { status: 'completed', finished_at: options.now, summary: JSON.stringify(summary) });
    return summary;
  }
  // Finish times are `now` plus the time the run took, so a run dated in the past (the demo's)
  // does not finish before it started or a year after.
  const startedClock = performance.now();
  const finishedAt = () => new Date(options.now.getTime() + Math.round(performance.now() - startedClock));
  const pact = pactDocumentSchema.parse(version.document);
  summary.total = await countOpenLeads(db, recycledAndOpen);
  await updateRescoreRun(db, run.id, { status: 'running', started_at: options.now, total: summary.total, processed: 0 });

  try {
    let cursor = '';
    for (;;) {
      const leads = await listOpenLeadsAfter(db, recycledAndOpen, cursor, options.batchSize ?? 500);
      if (leads.length === 0) break;
      cursor = leads[leads.length - 1]!.id;
      await db.transaction().execute((trx) => rescoreBatch(trx, leads, pact, version.id, options.now, summary));
      summary.processed += leads.length;
      await updateRescoreRun(db, run.id, {
        processed: summary.processed,
        grade_changed: summary.gradeChanged,
        became_mql: summary.becameMql,
        lost_mql: summary.lostMql,
      });
    }
    await updateRescoreRun(db, run.id, { status: 'completed', finished_at: finishedAt(), summary: JSON.stringify(summary) });
    return summary;
  } catch (error) {
    await updateRescoreRun(db, run.id, { status: 'failed', finished_at: finishedAt(), error_message: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

async function rescoreBatch(
  trx: Db,
  leads: readonly LeadRow[],
  pact: ReturnType<typeof pactDocumentSchema.parse>,
  versionId: string,
  now: Date,
  summary: RescoreSummary,
): Promise<void> {
  const touches = await findTouchesForLeads(trx, leads.map((lead) => lead.id));
  const accounts = new Map((await findAccountsByIds(trx, leads.flatMap((lead) => (lead.account_id ? [lead.account_id] : [])))).map((account) => [account.id, account]));
  const campaignNames = await findCampaignNamesByIds(trx, leads.flatMap((lead) => (lead.campaign_id ? [lead.campaign_id] : [])));
  const touchesByLead = Map.groupBy(touches, (touch) => touch.lead_id);

  const updates: LeadScoreUpdate[] = [];
  const events: LeadEventToInsert[] = [];
  const newMqls: { update: LeadScoreUpdate; lead: LeadRow; facts: ReturnType<typeof buildLeadFacts> }[] = [];
  for (const lead of leads) {
    const account = lead.account_id ? accounts.get(lead.account_id) : undefined;
    const facts = buildLeadFacts(normalizedLeadFromRow(lead), account ? accountFactsOf(account) : null, lead.campaign_id ? (campaignNames.get(lead.campaign_id) ?? null) : null);
    const leadTouches = (touchesByLead.get(lead.id) ?? []).map((touch) => ({ type: touch.type as TouchType, occurredAt: touch.occurred_at }));
    const assessment = assessLead({ facts, touches: leadTouches, pact, now, checkJunk: false });
    const stage = nextStage({ current: lead.stage, assessment, recycleUntil: lead.recycle_until, now });
    const update: LeadScoreUpdate = {
      id: lead.id,
      fit_score: assessment.score.fit,
      engagement_score: assessment.score.engagement,
      score: assessment.score.total,
      grade: assessment.score.grade,
      score_explanation: assessment.score.explanation as unknown as Record<string, unknown>,
      scored_at: now,
      mql_clause: assessment.mql.clause ?? (lead.stage === 'mql' ? lead.mql_clause : null),
      pact_version_id: versionId,
      stage,
      stage_changed_at: stage !== lead.stage ? now : lead.stage_changed_at,
      team_id: lead.team_id,
      owner_id: lead.owner_id,
      assigned_at: lead.assigned_at,
      routing: lead.routing,
    };
    updates.push(update);
    if (lead.grade !== assessment.score.grade) {
      summary.gradeChanged += 1;
      const change = `${lead.grade ?? '–'}→${assessment.score.grade}`;
      summary.gradeChanges[change] = (summary.gradeChanges[change] ?? 0) + 1;
      events.push({ lead_id: lead.id, type: 'rescored', from_stage: null, to_stage: null, at: now, actor_type: 'system', actor_id: null, reason: `Grade ${change} under the new pact`, detail: { fromGrade: lead.grade, toGrade: assessment.score.grade, pactVersionId: versionId } });
    }
    if (stage === 'mql' && lead.stage !== 'mql') {
      const resurfacing = lead.stage === 'recycled';
      if (resurfacing) summary.resurfaced += 1;
      else summary.becameMql += 1;
      const due = lead.recycle_until ? ` (due ${lead.recycle_until.toISOString().slice(0, 10)})` : '';
      const reason = resurfacing ? `Back from recycling${due}: ${assessment.mql.clause}` : `MQL under the new pact: ${assessment.mql.clause}`;
      events.push({ lead_id: lead.id, type: 'stage_change', from_stage: lead.stage, to_stage: 'mql', at: now, actor_type: 'system', actor_id: null, reason, detail: { pactVersionId: versionId } });
      if (lead.owner_id === null) newMqls.push({ update, lead, facts });
    }
    if (lead.stage === 'mql' && !assessment.mql.isMql) {
      summary.lostMql += 1;
      if (summary.lostMqlLeadIds.length < 100) summary.lostMqlLeadIds.push(lead.id);
    }
  }

  const routed = await routeLeads(
    trx,
    newMqls.map(({ lead, facts }) => ({ facts, accountClass: (lead.account_class ?? pact.classification.defaultClass) as AccountClass, accountOwnerId: lead.account_id ? (accounts.get(lead.account_id)?.owner_id ?? null) : null, now })),
    pact,
  );
  newMqls.forEach(({ update, lead }, position) => {
    const { teamId, teamName, decision } = routed[position]!;
    update.team_id = teamId;
    update.owner_id = decision.ownerId;
    update.assigned_at = decision.ownerId ? now : null;
    update.routing = { team: teamName, accountClass: lead.account_class, ...decision } as unknown as Record<string, unknown>;
    events.push({ lead_id: lead.id, type: 'assignment', from_stage: null, to_stage: null, at: now, actor_type: 'system', actor_id: null, reason: decision.reason, detail: { strategy: decision.strategy, ownerId: decision.ownerId, team: teamName, territory: decision.territory, skipped: decision.skipped, via: 'pact activation' } });
  });
  await updateLeadScores(trx, updates);
  await insertLeadEvents(trx, events);
  await recordAuditBatch(trx, rescoreAuditEntries(leads, updates));
}

/** What a rescore may change on a lead; a lead none of these changed for gets no audit entry. */
const rescoredColumns = ['fit_score', 'engagement_score', 'score', 'grade', 'mql_clause', 'stage', 'stage_changed_at', 'team_id', 'owner_id', 'assigned_at', 'routing'] as const;

/** One `update` entry per lead whose score, grade, stage or routing changed, naming the pact version it was rescored under. */
function rescoreAuditEntries(leads: readonly LeadRow[], updates: readonly LeadScoreUpdate[]): AuditEntry[] {
  const byId = new Map(leads.map((lead) => [lead.id, lead]));
  return updates.flatMap((update) => {
    const lead = byId.get(update.id)!;
    const changes = changedValues(lead, update, rescoredColumns);
    if (!changes) return [];
    return [
      {
        actor: systemActor,
        action: 'update' as const,
        entityType: 'lead',
        entityId: lead.id,
        oldValues: { ...changes.oldValues, pact_version_id: lead.pact_version_id },
        newValues: { ...changes.newValues, pact_version_id: update.pact_version_id },
      },
    ];
  });
}
