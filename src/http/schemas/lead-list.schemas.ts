import { z } from '@hono/zod-openapi';
import { accountClasses, grades, lifecycleStages } from '../../core/pact/pact-schema.ts';
import { leadSortKeys, type LeadListFilter, type LeadListRow } from '../../modules/leads/lead-query.repository.ts';
import { commaList, dateParam, sortParam } from './list-params.ts';

const isoDate = z.string().openapi({ format: 'date-time' });

export const leadSummarySchema = z
  .object({
    id: z.uuid(),
    email: z.string().nullable(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    title: z.string().nullable(),
    company: z.string().nullable(),
    country: z.string().nullable(),
    source: z.string().nullable(),
    stage: z.enum(lifecycleStages),
    grade: z.enum(grades).nullable(),
    score: z.number().nullable(),
    fitScore: z.number().nullable(),
    engagementScore: z.number().nullable(),
    accountClass: z.enum(accountClasses).nullable(),
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable(),
    accountId: z.string().nullable(),
    accountName: z.string().nullable(),
    junkReason: z.string().nullable(),
    createdAt: isoDate,
    stageChangedAt: isoDate,
  })
  .openapi('LeadSummary');

const leadFilterQuerySchema = z.object({
  stage: commaList(lifecycleStages, 'stage'),
  grade: commaList(grades, 'grade'),
  owner: z
    .string()
    .regex(/^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|unassigned|me)$/, 'expected a user id, "unassigned" or "me"')
    .optional()
    .openapi({ description: 'A user id, "unassigned", or "me" (the signed-in user, or the user who owns the API key)' }),
  source: z.string().max(100).optional(),
  class: z.enum(accountClasses).optional(),
  team: z.uuid().optional(),
  account: z.uuid().optional().openapi({ description: 'An account id: only the leads of that account' }),
  createdFrom: dateParam,
  createdTo: dateParam,
  q: z.string().max(200).optional().openapi({ description: 'Search e-mail, names and company' }),
  sort: sortParam(leadSortKeys, '-created_at', '`grade` ascending is A first; `stage` follows the funnel (inquiry … won, lost, then junk, disqualified, recycled); `owner` is the owner’s name; text keys ignore case.'),
});

export const leadListQuerySchema = leadFilterQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional().openapi({ description: 'The `nextCursor` of the previous page, with the same `sort`' }),
});

/** What GET /api/leads.csv takes: the list's filters and sort; every matching lead, no pages. */
export const leadExportQuerySchema = leadFilterQuerySchema;

/** The filter of a list or export query, as listLeads and exportLeadsCsv take it. */
export function leadFilterOf(query: z.infer<typeof leadFilterQuerySchema>): LeadListFilter {
  return {
    stages: query.stage,
    grades: query.grade,
    owner: query.owner,
    source: query.source,
    accountClass: query.class,
    teamId: query.team,
    accountId: query.account,
    createdFrom: query.createdFrom,
    createdTo: query.createdTo,
    text: query.q,
  };
}

export const leadListPageSchema = z
  .object({
    leads: z.array(leadSummarySchema),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` (with the same filters and sort) for the next page; null on the last' }),
    total: z.number().int().openapi({ description: 'How many leads match the filters in all, counting only leads the caller may see' }),
  })
  .openapi('LeadListPage');

export function presentLeadSummary(row: LeadListRow): z.infer<typeof leadSummarySchema> {
  return {
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    title: row.title,
    company: row.company,
    country: row.country,
    source: row.source,
    stage: row.stage,
    grade: row.grade,
    score: row.score,
    fitScore: row.fit_score,
    engagementScore: row.engagement_score,
    accountClass: row.account_class,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    accountId: row.account_id,
    accountName: row.account_name,
    junkReason: row.junk_reason,
    createdAt: row.created_at.toISOString(),
    stageChangedAt: row.stage_changed_at.toISOString(),
  };
}

