import { z } from '@hono/zod-openapi';
import { accountClasses, grades, lifecycleStages } from '../../core/pact/pact-schema.ts';
import type { AccountRow, UserRow } from '../../db/database.ts';
import { accountChangesSchema, newAccountSchema } from '../../modules/accounts/account-fields.ts';
import type { LeadCounts } from '../../modules/accounts/lead-counts.ts';
import { accountSortKeys } from '../../modules/accounts/list-accounts.ts';
import { sortParam } from './list-params.ts';

const isoDateTime = z.string().openapi({ format: 'date-time' });

export const newAccountBodySchema = newAccountSchema.openapi('NewAccount', {
  description: 'Give a domain or a website. Money in integer minor units of `currency` (default: the pact’s). The class is computed by the pact unless `accountClass` is given.',
  example: { name: 'Acme Robotics Inc.', website: 'https://www.acme-robotics.com', industry: 'manufacturing', employees: 1200, annualRevenueMinor: 25_000_000_000, currency: 'USD', country: 'United States', ownerEmail: 'ivan@example.com' },
});
export const accountChangesBodySchema = accountChangesSchema.openapi('AccountChanges', {
  description: 'Any of the fields; `accountClass: null` hands the class back to the pact’s classification.',
  example: { ownerEmail: 'iris@example.com', employees: 1500 },
});

export const leadCountsSchema = z
  .object({
    total: z.number().int(),
    open: z.number().int().openapi({ description: 'Leads in inquiry, MQL, SAL or SQL' }),
    byStage: z.object(Object.fromEntries(lifecycleStages.map((stage) => [stage, z.number().int()])) as Record<(typeof lifecycleStages)[number], z.ZodNumber>),
  })
  .openapi('LeadCounts');

export const accountSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    domain: z.string().nullable(),
    website: z.string().nullable(),
    industry: z.string().nullable(),
    employees: z.number().int().nullable(),
    annualRevenueMinor: z.number().int().nullable().openapi({ description: 'Integer minor units of `currency`' }),
    currency: z.string(),
    country: z.string().nullable().openapi({ description: 'ISO 3166-1 alpha-2' }),
    ownerId: z.string().nullable(),
    accountClass: z.enum(accountClasses).nullable(),
    classPriority: z.number().int().nullable(),
    classReason: z.string().nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .openapi('Account');

export function presentAccount(row: AccountRow): z.infer<typeof accountSchema> {
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    website: row.website,
    industry: row.industry,
    employees: row.employees,
    annualRevenueMinor: row.annual_revenue_minor,
    currency: row.currency,
    country: row.country,
    ownerId: row.owner_id,
    accountClass: row.account_class,
    classPriority: row.class_priority,
    classReason: row.class_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export const accountListItemSchema = accountSchema
  .extend({ ownerName: z.string().nullable(), ownerEmail: z.string().nullable(), leadCounts: leadCountsSchema })
  .openapi('AccountListItem');

export function presentAccountListItem(row: AccountRow & { owner_name: string | null; owner_email: string | null; leadCounts: LeadCounts }): z.infer<typeof accountListItemSchema> {
  return { ...presentAccount(row), ownerName: row.owner_name, ownerEmail: row.owner_email, leadCounts: row.leadCounts };
}

export const accountDetailSchema = z
  .object({
    account: accountSchema,
    owner: z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string() }).nullable(),
    leadCounts: leadCountsSchema,
    recentLeads: z.array(
      z.object({
        id: z.uuid(),
        email: z.string().nullable(),
        firstName: z.string().nullable(),
        lastName: z.string().nullable(),
        title: z.string().nullable(),
        stage: z.enum(lifecycleStages),
        grade: z.enum(grades).nullable(),
        score: z.number().nullable(),
        ownerId: z.string().nullable(),
        ownerName: z.string().nullable(),
        createdAt: isoDateTime,
      }),
    ),
    openOpportunities: z.number().int(),
  })
  .openapi('AccountDetail');

export function presentOwner(user: UserRow | null) {
  return user ? { id: user.id, name: user.name, email: user.email, role: user.role } : null;
}

const accountFilterQuerySchema = z.object({
  q: z.string().max(200).optional().openapi({ description: 'Text in the name or domain' }),
  class: z.enum(accountClasses).optional(),
  owner: z
    .string()
    .regex(/^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|unassigned|me)$/, 'expected a user id, "unassigned" or "me"')
    .optional()
    .openapi({ description: 'A user id, "unassigned", or "me" (the signed-in user, or the user who owns the API key)' }),
  industry: z.string().max(100).optional(),
  country: z.string().max(100).optional().openapi({ description: 'A country name or ISO code' }),
  sort: sortParam(accountSortKeys, 'name', '`leads` is the number of the account’s leads the caller may see; `class` is alphabetical (field, inside, marketing_led); name and domain ignore case.'),
});

export const accountListQuerySchema = accountFilterQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional().openapi({ description: 'The `nextCursor` of the previous page, with the same `sort`' }),
});

/** What GET /api/accounts.csv takes: the list's filters and sort; every matching account, no pages. */
export const accountExportQuerySchema = accountFilterQuerySchema;

/** The filter and sort of a list or export query, as listAccounts and exportAccountsCsv take them. */
export function accountQueryOptionsOf(query: z.infer<typeof accountFilterQuerySchema>) {
  return { q: query.q, accountClass: query.class, owner: query.owner, industry: query.industry, country: query.country, sort: query.sort };
}

export const accountListPageSchema = z
  .object({
    accounts: z.array(accountListItemSchema),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` (with the same filters and sort) for the next page; null on the last' }),
    total: z.number().int().openapi({ description: 'How many accounts match the filters in all, counting only accounts the caller may see' }),
  })
  .openapi('AccountListPage');
