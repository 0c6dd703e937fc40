import { assessLead, nextStage, type LeadAssessment } from '../../core/capture/assess-lead.ts';
import type { CaptureGroup } from '../../core/capture/group-capture-items.ts';
import { buildLeadFacts } from '../../core/lead/build-lead-facts.ts';
import { likelyDuplicateKeys } from '../../core/dedupe/duplicate-keys.ts';
import type { NormalizedLead } from '../../core/normalize/normalize-lead.ts';
import type { AccountClass, Grade, PactDocument, TouchType } from '../../core/pact/pact-schema.ts';
import { classifyAccount } from '../../core/routing/classify-account.ts';
import type { LeadFacts } from '../../core/rules/lead-facts.ts';
import type { CampaignRow, LeadRow, StageValue } from '../../db/database.ts';
import type { LeadEventToInsert } from '../leads/lead-event.repository.ts';
import type { LeadChanges, LeadToInsert } from '../leads/lead.repository.ts';
import { normalizedLeadFromRow } from '../leads/lead-row-mapping.ts';
import type { TouchForLead, TouchToInsert } from '../leads/touch.repository.ts';
import type { MatchedAccount } from './capture-context.repository.ts';
import type { CaptureActor, PlannedTouch } from './capture-leads.ts';
import { accountFactsOf } from './match-accounts.ts';
import type { RoutedLead } from './route-leads.ts';

/** Everything one person's capture will write, decided before anything is written. */
export interface LeadWritePlan {
  kind: 'new' | 'existing';
  group: CaptureGroup;
  leadId: string;
  lead: NormalizedLead;
  stage: StageValue;
  grade: Grade | null;
  /** False when the capture brought nothing new (a re-imported row). */
  changed: boolean;
  facts: LeadFacts;
  accountClass: AccountClass;
  accountOwnerId: string | null;
  now: Date;
  needsRouting: boolean;
  insert: LeadToInsert | null;
  update: LeadChanges | null;
  touches: TouchToInsert[];
  events: LeadEventToInsert[];
  applyRouting(routed: RoutedLead, actor: CaptureActor): void;
}

/** Fills the blanks of `base` from later captures of the same person; never overwrites a value. */
export function mergeNormalized(base: NormalizedLead, others: readonly NormalizedLead[]): NormalizedLead {
  const merged: NormalizedLead = { ...base, attributes: { ...base.attributes } };
  const writable = merged as unknown as Record<string, unknown>;
  for (const other of others) {
    for (const [key, value] of Object.entries(other)) {
      if (key === 'attributes') continue;
      if ((writable[key] === null || writable[key] === undefined) && value !== null && value !== undefined) writable[key] = value;
    }
    for (const [key, value] of Object.entries(other.attributes)) {
      if (!(key in merged.attributes)) merged.attributes[key] = value;
    }
  }
  return merged;
}

function scoreColumns(assessment: LeadAssessment, versionId: string, now: Date) {
  return {
    fit_score: assessment.score.fit,
    engagement_score: assessment.score.engagement,
    score: assessment.score.total,
    grade: assessment.score.grade,
    score_explanation: assessment.score.explanation as unknown as Record<string, unknown>,
    scored_at: now,
    mql_clause: assessment.mql.clause,
    pact_version_id: versionId,
  };
}

function scoringTouches(touches: readonly { type: string; occurred_at: Date }[]) {
  return touches.map((touch) => ({ type: touch.type as TouchType, occurredAt: touch.occurred_at }));
}

function stageEvent(leadId: string, from: StageValue | null, to: StageValue, at: Date, actor: CaptureActor, reason: string, detail: Record<string, unknown> | null = null): LeadEventToInsert {
  return { lead_id: leadId, type: 'stage_change', from_stage: from, to_stage: to, at, actor_type: actor.type, actor_id: actor.id, reason, detail };
}

function routingPatch(plan: LeadWritePlan, routed: RoutedLead, actor: CaptureActor) {
  const { decision } = routed;
  plan.events.push({
    lead_id: plan.leadId,
    type: 'assignment',
    from_stage: null,
    to_stage: null,
    at: plan.now,
    actor_type: 'system',
    actor_id: null,
    reason: decision.reason,
    detail: { strategy: decision.strategy, ownerId: decision.ownerId, team: routed.teamName, territory: decision.territory, skipped: decision.skipped, via: actor.label },
  });
  return {
    team_id: routed.teamId,
    owner_id: decision.ownerId,
    assigned_at: decision.ownerId ? plan.now : null,
    routing: { team: routed.teamName, accountClass: plan.accountClass, ...decision } as Record<string, unknown>,
  };
}

export function planNewLead(options: {
  group: CaptureGroup;
  account: MatchedAccount | null;
  touches: PlannedTouch[];
  pact: PactDocument;
  versionId: string;
  actor: CaptureActor;
  campaigns: Map<string, CampaignRow>;
  now: Date;
}): LeadWritePlan {
  const { group, account, pact, now, actor } = options;
  const leadId = crypto.randomUUID();
  const lead = mergeNormalized(group.items[0]!.lead, group.items.slice(1).map((item) => item.lead));
  const campaign = lead.campaign ? (options.campaigns.get(lead.campaign) ?? null) : null;
  // The source as stored (the campaign's when the capture named none), so rescoring reads the same fact.
  const facts = buildLeadFacts({ ...lead, source: lead.source ?? campaign?.source ?? null }, account ? accountFactsOf(account) : null, campaign?.name ?? null);
  const touches: TouchToInsert[] = options.touches.map((touch) => ({ ...touch, lead_id: leadId }));
  const assessed = assessLead({ facts, touches: scoringTouches(touches), pact, now, checkJunk: true });
  const forcedJunk = group.items.find((item) => item.forcedJunk)?.forcedJunk ?? null;
  const assessment: LeadAssessment = forcedJunk && !assessed.junk ? { ...assessed, junk: forcedJunk, mql: { isMql: false, clause: null } } : assessed;
  const stage = nextStage({ current: null, assessment, recycleUntil: null, now });
  const classification = account?.account_class
    ? { accountClass: account.account_class, reason: account.class_reason ?? 'account class' }
    : classifyAccount({ facts, classification: pact.classification });
  const nameKey = likelyDuplicateKeys(lead).find((key) => key.kind === 'name_at_company')?.key ?? null;

  const events: LeadEventToInsert[] = [];
  if (assessment.junk) {
    events.push(stageEvent(leadId, null, 'junk', now, actor, `Junk (${assessment.junk.code}): ${assessment.junk.reason}`, { junkCode: assessment.junk.code }));
  } else {
    events.push(stageEvent(leadId, null, 'inquiry', now, actor, `Captured via ${actor.label}`));
    if (stage === 'mql') events.push(stageEvent(leadId, 'inquiry', 'mql', now, actor, `MQL: ${assessment.mql.clause}`));
  }

  const insert: LeadToInsert = {
    id: leadId,
    email: lead.email,
    email_key: lead.emailMatchKey,
    email_domain: lead.emailDomain,
    email_kind: lead.emailKind,
    first_name: lead.firstName,
    last_name: lead.lastName,
    title: lead.title,
    seniority: lead.seniority,
    phone: lead.phone,
    phone_valid: lead.phoneValid,
    company: lead.company,
    company_key: lead.companyMatchKey,
    website: lead.website,
    website_domain: lead.websiteDomain,
    industry: lead.industry,
    employees: lead.employees,
    annual_revenue_minor: lead.annualRevenue,
    country: lead.country,
    state: lead.state,
    city: lead.city,
    source: lead.source ?? campaign?.source ?? null,
    campaign_id: campaign?.id ?? null,
    external_source: lead.externalSource?.toLowerCase() ?? null,
    external_id: lead.externalId,
    attributes: lead.attributes,
    name_key: nameKey,
    account_id: account?.id ?? null,
    stage,
    stage_changed_at: now,
    junk_code: assessment.junk?.code ?? null,
    junk_reason: assessment.junk?.reason ?? null,
    ...scoreColumns(assessment, options.versionId, now),
    account_class: classification.accountClass,
    team_id: null,
    owner_id: null,
    assigned_at: null,
    routing: null,
    created_at: now,
    updated_at: now,
  };

  const plan: LeadWritePlan = {
    kind: 'new',
    group,
    leadId,
    lead,
    stage,
    grade: assessment.score.grade,
    changed: true,
    facts,
    accountClass: classification.accountClass,
    accountOwnerId: account?.owner_id ?? null,
    now,
    needsRouting: stage === 'mql',
    insert,
    update: null,
    touches,
    events,
    applyRouting(routed, routingActor) {
      Object.assign(insert, routingPatch(plan, routed, routingActor));
    },
  };
  return plan;
}

export function planExistingLead(options: {
  group: CaptureGroup;
  target: LeadRow;
  /** The account found for a lead that had none; null otherwise. */
  account: MatchedAccount | null;
  /** The account the lead already belongs to (null when it has none). */
  storedAccount: MatchedAccount | null;
  /** The name of the lead's own campaign (its first capture's), null when it has none. */
  campaignName: string | null;
  previousTouches: readonly TouchForLead[];
  touches: PlannedTouch[];
  pact: PactDocument;
  versionId: string;
  actor: CaptureActor;
  now: Date;
}): LeadWritePlan {
  const { group, target, pact, now, actor } = options;
  const stored = normalizedLeadFromRow(target);
  const lead = mergeNormalized(stored, group.items.filter((item) => !item.forcedJunk).map((item) => item.lead));
  const filled = changedColumns(stored, lead);
  const attributesAdded = Object.keys(lead.attributes).filter((key) => !(key in stored.attributes));
  // A bot (filled honeypot) that used a real person's address must not add to that person's lead.
  const genuine = new Set(group.items.filter((item) => !item.forcedJunk).map((item) => item.index));
  const touches: TouchToInsert[] = genuine.size === group.items.length ? options.touches.map((touch) => ({ ...touch, lead_id: target.id })) : [];
  const changed = filled.length > 0 || attributesAdded.length > 0 || touches.length > 0 || options.account !== null;
  const accountClass = (target.account_class ?? options.account?.account_class ?? pact.classification.defaultClass) as AccountClass;
  // Scored on the lead as it will be stored — its account, its own campaign, the identity it already
  // has — exactly what rescoring reads back, so a pact rescoring this lead later finds the same fit.
  // (Built from the new capture alone, a later touch dropped the account's industry, size and
  // country: grades fell at every touch and rose again on the next pact activation.)
  const leadAccount = options.account ?? options.storedAccount;
  const facts = buildLeadFacts({ ...lead, externalSource: stored.externalSource, externalId: stored.externalId }, leadAccount ? accountFactsOf(leadAccount) : null, options.campaignName);
  const plan: LeadWritePlan = {
    kind: 'existing',
    group,
    leadId: target.id,
    lead,
    stage: target.stage,
    grade: target.grade,
    changed,
    facts,
    accountClass,
    accountOwnerId: leadAccount?.owner_id ?? null,
    now,
    needsRouting: false,
    insert: null,
    update: null,
    touches,
    events: [],
    applyRouting(routed, routingActor) {
      Object.assign(plan.update!, routingPatch(plan, routed, routingActor));
    },
  };
  if (!changed) return plan;

  const assessment = assessLead({
    facts,
    touches: scoringTouches([...options.previousTouches, ...touches]),
    pact,
    now,
    checkJunk: false,
  });
  const stage = nextStage({ current: target.stage, assessment, recycleUntil: target.recycle_until, now });
  const update: LeadChanges = { updated_at: now, ...scoreColumns(assessment, options.versionId, now) };
  for (const column of filled) update[column.column] = column.value;
  if (attributesAdded.length > 0) update['attributes'] = lead.attributes;
  if (options.account) {
    update['account_id'] = options.account.id;
    update['account_class'] = accountClass;
  }
  if (stage !== target.stage) {
    update['stage'] = stage;
    update['stage_changed_at'] = now;
    plan.events.push(stageEvent(target.id, target.stage, stage, now, actor, `MQL: ${assessment.mql.clause}`));
  }
  if (filled.length > 0 || attributesAdded.length > 0) {
    plan.events.push({
      lead_id: target.id,
      type: 'updated',
      from_stage: null,
      to_stage: null,
      at: now,
      actor_type: actor.type,
      actor_id: actor.id,
      reason: `Blank fields filled from a new capture via ${actor.label}`,
      detail: { fields: [...filled.map((column) => column.column), ...attributesAdded.map((key) => `attributes.${key}`)] },
    });
  }
  plan.stage = stage;
  plan.grade = assessment.score.grade;
  plan.update = update;
  plan.needsRouting = stage === 'mql' && target.owner_id === null;
  return plan;
}

const columnOfField: Partial<Record<keyof NormalizedLead, keyof LeadRow>> = {
  email: 'email',
  firstName: 'first_name',
  lastName: 'last_name',
  title: 'title',
  seniority: 'seniority',
  phone: 'phone',
  company: 'company',
  website: 'website',
  industry: 'industry',
  employees: 'employees',
  annualRevenue: 'annual_revenue_minor',
  country: 'country',
  state: 'state',
  city: 'city',
  source: 'source',
};

function changedColumns(before: NormalizedLead, after: NormalizedLead): { column: keyof LeadRow; value: unknown }[] {
  const changes: { column: keyof LeadRow; value: unknown }[] = [];
  for (const [field, column] of Object.entries(columnOfField) as [keyof NormalizedLead, keyof LeadRow][]) {
    if (before[field] === null && after[field] !== null) changes.push({ column, value: after[field] });
  }
  const derived: [keyof NormalizedLead, keyof LeadRow][] = [
    ['emailDomain', 'email_domain'],
    ['emailKind', 'email_kind'],
    ['phoneValid', 'phone_valid'],
    ['companyMatchKey', 'company_key'],
    ['websiteDomain', 'website_domain'],
  ];
  if (changes.length > 0) {
    for (const [field, column] of derived) if (before[field] !== after[field]) changes.push({ column, value: after[field] });
  }
  return changes;
}
