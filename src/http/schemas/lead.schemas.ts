import { z } from '@hono/zod-openapi';
import { leadInputSchema } from '../../core/lead/lead-input.ts';
import { accountClasses, grades, lifecycleStages, touchTypes } from '../../core/pact/pact-schema.ts';
import type { AccountClass } from '../../core/pact/pact-schema.ts';
import type { RoutingDecision } from '../../core/routing/choose-owner.ts';
import type { ScoreExplanation } from '../../core/scoring/score-lead.ts';
import type { LeadRow } from '../../db/database.ts';
import { leadChangesSchema } from '../../modules/leads/lead-changes.ts';

export const leadInputBodySchema = leadInputSchema.openapi('LeadInput', {
  example: { email: 'dana.reyes@acme-robotics.com', firstName: 'Dana', lastName: 'Reyes', title: 'VP Sales', company: 'Acme Robotics Inc.', country: 'USA', phone: '(415) 555-0100', touch: { type: 'demo_request' } },
});

export const leadChangesBodySchema = leadChangesSchema.openapi('LeadChanges', {
  description: 'Any of the fields. Contact fields take null to clear. `score`, `grade`, `fitScore` and `engagementScore` are derived from the pact and are never set by hand (400).',
  example: { title: 'VP Sales', phone: '+1 415 555 0100', stage: 'sal', reason: 'Called, confirmed interest' },
});

const isoDate = z.string().openapi({ format: 'date-time' });
const json = z.record(z.string(), z.unknown());

/**
 * A named (registered) schema or null. `.nullable()` on a registered schema makes the OpenAPI
 * generator mark the shared component itself as nullable, for every use; a union keeps the `$ref`
 * clean and puts the null on this one property.
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

/** The shape scoreLead stores in leads.score_explanation (src/core/scoring/score-lead.ts). */
export const scoreExplanationSchema = z
  .object({
    fit: z.array(z.object({ ruleId: z.string(), label: z.string(), points: z.number() })).openapi({ description: 'Every fit rule that fired, in pact order (negative points included)' }),
    engagement: z
      .array(
        z.object({
          ruleId: z.string(),
          label: z.string(),
          touchType: z.enum(touchTypes),
          touches: z.number().int().openapi({ description: 'Touches of the type the lead has' }),
          counted: z.number().int().openapi({ description: 'How many of them count (the newest, at most the rule’s maxCount)' }),
          rawPoints: z.number().openapi({ description: 'points × counted, before decay' }),
          decayedPoints: z.number().openapi({ description: 'After the half-life decay, unrounded' }),
          halfLifeDays: z.number(),
        }),
      )
      .openapi({ description: 'Every engagement rule the lead has at least one touch for, in pact order' }),
    fitRaw: z.number().openapi({ description: 'Sum of the fit points before clamping to the pact’s fit range' }),
    fitClamped: z.number(),
    grade: z.object({
      basis: z.enum(['fit', 'total']).openapi({ description: 'What the grade is read from: fit alone, or fit + engagement' }),
      value: z.number(),
      thresholds: z.object({ A: z.number(), B: z.number(), C: z.number() }).openapi({ description: 'The lowest value of each grade; below C is D' }),
      grade: z.enum(grades),
    }),
    handRaiser: z.boolean().openapi({ description: 'Has a touch of a hand-raiser type (demo request, contact sales…)' }),
    scoredAt: isoDate,
  })
  .openapi('ScoreExplanation');

/** The shape routing stores in leads.routing: the team and class, then chooseOwner's decision. */
export const routingDecisionSchema = z
  .object({
    team: z.string().nullable(),
    accountClass: z.enum(accountClasses).nullable(),
    ownerId: z.string().nullable(),
    strategy: z.enum(['account_owner', 'territory', 'round_robin', 'unassigned']),
    territory: z.string().nullable(),
    reason: z.string().openapi({ description: 'The decision as a sentence for the lead page' }),
    skipped: z.array(z.object({ repId: z.string().nullable(), email: z.string(), why: z.enum(['inactive', 'away', 'at_capacity', 'not_in_team']) })).openapi({ description: 'Reps passed over and why, in the order they were considered' }),
  })
  .openapi('RoutingDecision');

export const leadSchema = z
  .object({
    id: z.uuid(),
    email: z.string().nullable(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    title: z.string().nullable(),
    seniority: z.string().nullable(),
    phone: z.string().nullable(),
    phoneValid: z.boolean().nullable(),
    company: z.string().nullable(),
    website: z.string().nullable(),
    industry: z.string().nullable(),
    employees: z.number().nullable(),
    annualRevenueMinor: z.number().nullable(),
    country: z.string().nullable(),
    state: z.string().nullable(),
    city: z.string().nullable(),
    source: z.string().nullable(),
    campaignId: z.string().nullable(),
    externalSource: z.string().nullable(),
    externalId: z.string().nullable(),
    emailKind: z.string(),
    attributes: json,
    accountId: z.string().nullable(),
    stage: z.enum(lifecycleStages),
    stageChangedAt: isoDate,
    junkCode: z.string().nullable(),
    junkReason: z.string().nullable(),
    dispositionCode: z.string().nullable(),
    recycleUntil: isoDate.nullable(),
    fitScore: z.number().nullable(),
    engagementScore: z.number().nullable(),
    score: z.number().nullable(),
    grade: z.enum(grades).nullable(),
    scoreExplanation: orNull(scoreExplanationSchema).openapi({ description: 'Every rule that fired and its points; engagement with decay; the grade thresholds.' }),
    scoredAt: isoDate.nullable(),
    mqlClause: z.string().nullable(),
    pactVersionId: z.string().nullable(),
    accountClass: z.enum(accountClasses).nullable(),
    teamId: z.string().nullable(),
    ownerId: z.string().nullable(),
    assignedAt: isoDate.nullable(),
    routing: orNull(routingDecisionSchema).openapi({ description: 'The routing decision: strategy, reason, reps skipped and why.' }),
    mergedIntoId: z.string().nullable(),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .openapi('Lead');

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function presentLead(row: LeadRow): z.infer<typeof leadSchema> {
  return {
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    title: row.title,
    seniority: row.seniority,
    phone: row.phone,
    phoneValid: row.phone_valid,
    company: row.company,
    website: row.website,
    industry: row.industry,
    employees: row.employees,
    annualRevenueMinor: row.annual_revenue_minor,
    country: row.country,
    state: row.state,
    city: row.city,
    source: row.source,
    campaignId: row.campaign_id,
    externalSource: row.external_source,
    externalId: row.external_id,
    emailKind: row.email_kind,
    attributes: row.attributes ?? {},
    accountId: row.account_id,
    stage: row.stage,
    stageChangedAt: row.stage_changed_at.toISOString(),
    junkCode: row.junk_code,
    junkReason: row.junk_reason,
    dispositionCode: row.disposition_code,
    recycleUntil: iso(row.recycle_until),
    fitScore: row.fit_score,
    engagementScore: row.engagement_score,
    score: row.score,
    grade: row.grade,
    // Written only by scoreLead and by routing (capture, reassessment, rescoring), in these shapes;
    // casting to the core types makes a drift between them and the schemas a compile error here.
    scoreExplanation: row.score_explanation as ScoreExplanation | null,
    scoredAt: iso(row.scored_at),
    mqlClause: row.mql_clause,
    pactVersionId: row.pact_version_id,
    accountClass: row.account_class,
    teamId: row.team_id,
    ownerId: row.owner_id,
    assignedAt: iso(row.assigned_at),
    routing: row.routing as (RoutingDecision & { team: string | null; accountClass: AccountClass | null }) | null,
    mergedIntoId: row.merged_into_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export const captureOutcomeSchema = z
  .object({
    outcome: z.enum(['created', 'merged', 'junk']),
    leadId: z.uuid(),
    stage: z.enum(lifecycleStages),
    grade: z.enum(grades).nullable(),
    changed: z.boolean().openapi({ description: 'False when the capture brought nothing new (same interaction sent again).' }),
    warnings: z.array(z.object({ path: z.string(), message: z.string() })),
  })
  .openapi('CaptureOutcome');

export { leadListQuerySchema } from './lead-list.schemas.ts';
