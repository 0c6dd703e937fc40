import { z } from '@hono/zod-openapi';
import type { CampaignWithCounts } from '../../modules/campaigns/campaign.repository.ts';
import { campaignChangesSchema, campaignChannels, newCampaignSchema } from '../../modules/campaigns/campaign-fields.ts';

const isoDateTime = z.string().openapi({ format: 'date-time' });
const isoDay = z.string().openapi({ format: 'date' });

export const newCampaignBodySchema = newCampaignSchema.openapi('NewCampaign', {
  description: 'Cost in integer minor units of `currency` (default: the pact’s); days as YYYY-MM-DD, endsOn not before startsOn.',
  example: { name: 'Q1 Pipeline Webinar', channel: 'webinar', source: 'webinar', costMinor: 1_200_000, currency: 'USD', startsOn: '2026-01-01', endsOn: '2026-01-31' },
});
export const campaignChangesBodySchema = campaignChangesSchema.openapi('CampaignChanges', { example: { costMinor: 1_500_000, endsOn: '2026-02-15' } });

export const campaignSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    channel: z.string().openapi({ description: `One of ${campaignChannels.join(', ')}` }),
    source: z.string().nullable(),
    costMinor: z.number().int().openapi({ description: 'Integer minor units of `currency`' }),
    currency: z.string(),
    startsOn: isoDay.nullable(),
    endsOn: isoDay.nullable(),
    leadCount: z.number().int().openapi({ description: 'Live leads whose campaign this is' }),
    touchCount: z.number().int().openapi({ description: 'Touches attributed to this campaign' }),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .openapi('Campaign');

export function presentCampaign(row: CampaignWithCounts): z.infer<typeof campaignSchema> {
  return {
    id: row.id,
    name: row.name,
    channel: row.channel,
    source: row.source,
    costMinor: row.cost_minor,
    currency: row.currency,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    leadCount: row.lead_count,
    touchCount: row.touch_count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
