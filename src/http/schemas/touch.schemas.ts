import { z } from '@hono/zod-openapi';
import { accountClasses, grades, lifecycleStages, touchTypes } from '../../core/pact/pact-schema.ts';
import type { LeadRow } from '../../db/database.ts';
import type { TouchListRow } from '../../modules/touches/touch-query.repository.ts';
import { touchInputSchema } from '../../modules/touches/touch-fields.ts';

const isoDateTime = z.string().openapi({ format: 'date-time' });

export const touchBodySchema = touchInputSchema.openapi('TouchInput', {
  description: 'Send `occurredAt` so a retried post is recognised as the same interaction.',
  example: { leadId: '5b7c0a52-8d0e-4d52-9a4c-0c8f3f6f4c11', type: 'webinar', occurredAt: '2026-01-20T16:00:00Z', campaign: 'Q1 Pipeline Webinar' },
});

export const touchSchema = z
  .object({
    id: z.uuid(),
    leadId: z.uuid(),
    leadEmail: z.string().nullable(),
    type: z.string(),
    occurredAt: isoDateTime,
    campaignId: z.string().nullable(),
    campaignName: z.string().nullable(),
    source: z.string().nullable(),
    channel: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
    createdAt: isoDateTime,
  })
  .openapi('Touch');

export function presentTouch(row: TouchListRow): z.infer<typeof touchSchema> {
  return {
    id: row.id,
    leadId: row.lead_id,
    leadEmail: row.lead_email,
    type: row.type,
    occurredAt: row.occurred_at.toISOString(),
    campaignId: row.campaign_id,
    campaignName: row.campaign_name,
    source: row.source,
    channel: row.channel,
    detail: row.detail,
    createdAt: row.created_at.toISOString(),
  };
}

export const touchOutcomeSchema = z
  .object({
    duplicate: z.boolean().openapi({ description: 'True when the same interaction was already recorded: nothing was added' }),
    touch: touchSchema,
    lead: z.object({
      id: z.uuid(),
      stage: z.enum(lifecycleStages),
      score: z.number().nullable(),
      fitScore: z.number().nullable(),
      engagementScore: z.number().nullable(),
      grade: z.enum(grades).nullable(),
      mqlClause: z.string().nullable(),
      accountClass: z.enum(accountClasses).nullable(),
      teamId: z.string().nullable(),
      ownerId: z.string().nullable(),
      routing: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'The routing decision when the lead was routed' }),
    }),
  })
  .openapi('TouchOutcome');

export function presentLeadAfterTouch(lead: LeadRow): z.infer<typeof touchOutcomeSchema>['lead'] {
  return {
    id: lead.id,
    stage: lead.stage,
    score: lead.score,
    fitScore: lead.fit_score,
    engagementScore: lead.engagement_score,
    grade: lead.grade,
    mqlClause: lead.mql_clause,
    accountClass: lead.account_class,
    teamId: lead.team_id,
    ownerId: lead.owner_id,
    routing: lead.routing,
  };
}

export const touchListQuerySchema = z.object({
  leadId: z.uuid('not a lead id (uuid)').optional(),
  campaign: z.string().max(200).optional().openapi({ description: 'Campaign id or exact name' }),
  type: z.enum(touchTypes).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});
