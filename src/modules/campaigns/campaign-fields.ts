import { z } from 'zod';
import { currencyCodeSchema } from './currency-code.ts';

/** Where a campaign's leads come from; analytics group by it, so it is a fixed list. */
export const campaignChannels = ['paid_search', 'paid_social', 'webinar', 'event', 'content', 'email', 'partner', 'organic', 'list_purchase', 'referral', 'other'] as const;
export const campaignChannelSchema = z.enum(campaignChannels);

const day = z.iso.date('expected a day as YYYY-MM-DD');
const campaignName = z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters');
const source = z.string().trim().min(1, 'must not be empty').max(100, 'at most 100 characters');
/** Money is integer minor units of the campaign's currency (cents for USD), never a float. */
const costMinor = z.number().int('must be a whole number of minor units (cents)').min(0, 'must be 0 or more').max(Number.MAX_SAFE_INTEGER);

/** Why a campaign's dates cannot stand, or null. Days compare as text: YYYY-MM-DD sorts by date. */
export function campaignDatesProblem(startsOn: string | null | undefined, endsOn: string | null | undefined): string | null {
  if (startsOn && endsOn && endsOn < startsOn) return `ends before it starts (${startsOn})`;
  return null;
}

/** A campaign as the API and the CLI accept it (one schema for both). */
export const newCampaignSchema = z
  .object({
    name: campaignName,
    channel: campaignChannelSchema,
    source: source.nullable().optional(),
    costMinor: costMinor.optional(),
    currency: currencyCodeSchema.optional(),
    startsOn: day.nullable().optional(),
    endsOn: day.nullable().optional(),
  })
  .strict()
  .superRefine((campaign, ctx) => {
    const problem = campaignDatesProblem(campaign.startsOn, campaign.endsOn);
    if (problem) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: problem });
  });
export type NewCampaign = z.infer<typeof newCampaignSchema>;

export const campaignChangesSchema = z
  .object({
    name: campaignName.optional(),
    channel: campaignChannelSchema.optional(),
    source: source.nullable().optional(),
    costMinor: costMinor.optional(),
    currency: currencyCodeSchema.optional(),
    startsOn: day.nullable().optional(),
    endsOn: day.nullable().optional(),
  })
  .strict()
  .superRefine((changes, ctx) => {
    if (Object.keys(changes).length === 0) ctx.addIssue({ code: 'custom', path: [], message: 'nothing to change: give at least one field' });
    const problem = campaignDatesProblem(changes.startsOn, changes.endsOn);
    if (problem) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: problem });
  });
export type CampaignChanges = z.infer<typeof campaignChangesSchema>;
