import { z } from '@hono/zod-openapi';
import { opportunityChangesSchema } from '../../modules/opportunities/opportunity-fields.ts';
import type { OpportunityListRow } from '../../modules/opportunities/opportunity-query.repository.ts';

const isoDateTime = z.string().openapi({ format: 'date-time' });

export const opportunityChangesBodySchema = opportunityChangesSchema.openapi('OpportunityChanges', {
  description: 'Any of the fields. `status` closes an open opportunity as won or lost and needs `closeReason`.',
  example: { amountMinor: 4_800_000, expectedCloseOn: '2026-03-31' },
});

export const opportunitySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    amountMinor: z.number().int().openapi({ description: 'Integer minor units of `currency`' }),
    currency: z.string(),
    expectedCloseOn: z.string().openapi({ format: 'date' }),
    status: z.enum(['open', 'won', 'lost']),
    openedAt: isoDateTime,
    closedAt: isoDateTime.nullable(),
    closeReason: z.string().nullable(),
    leadId: z.string().nullable(),
    accountId: z.string().nullable(),
    accountName: z.string().nullable(),
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .openapi('Opportunity');

export function presentOpportunity(row: Omit<OpportunityListRow, 'owner_name' | 'account_name'> & { owner_name?: string | null; account_name?: string | null }): z.infer<typeof opportunitySchema> {
  return {
    id: row.id,
    name: row.name,
    amountMinor: row.amount_minor,
    currency: row.currency,
    expectedCloseOn: row.expected_close_on,
    status: row.status,
    openedAt: row.opened_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    closeReason: row.close_reason,
    leadId: row.lead_id,
    accountId: row.account_id,
    accountName: row.account_name ?? null,
    ownerId: row.owner_id,
    ownerName: row.owner_name ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export const opportunityListQuerySchema = z.object({
  status: z.enum(['open', 'won', 'lost']).optional(),
  owner: z
    .string()
    .regex(/^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|unassigned)$/, 'expected a user id or "unassigned"')
    .optional()
    .openapi({ description: 'A user id or "unassigned"' }),
  account: z.uuid('not an account id (uuid)').optional(),
  lead: z.uuid('not a lead id (uuid)').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});
