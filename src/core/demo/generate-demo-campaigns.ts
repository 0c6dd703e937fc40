import type { TouchType } from '../pact/pact-schema.ts';
import { DAY_MS, isoDate, localWeekday, startOfUtcDay } from './demo-calendar-math.ts';
import type { DemoCampaign, DemoCampaignChannel } from './demo-organisation.ts';
import type { SeededRandom } from './seeded-random.ts';

/**
 * What the generator knows about a campaign beyond what is stored: how many leads it brings, how
 * keen they are, how they arrive. Never part of the output.
 */
export interface CampaignPlan {
  campaign: DemoCampaign;
  /** Relative share of all leads. */
  volume: number;
  /** 0–1, how ready to buy its leads typically are. */
  intent: number;
  /** How much better or worse its audience fits than the channel's usual (−0.15…0.15). */
  fitBias: number;
  captureTouches: readonly (readonly [TouchType, number])[];
  /** First and last instant (UTC ms) a lead can be captured. */
  captureFrom: number;
  captureUntil: number;
  /** Leads arrive in one burst (a purchased list imported at once) rather than over the window. */
  burst: boolean;
  /** Where its people live, when the campaign targets a region (a purchased regional list). */
  countries?: readonly string[];
}

interface ChannelProfile {
  source: string;
  /** Share of all leads the channel brings in a year. */
  share: number;
  intent: number;
  costUsd: readonly [number, number];
  captureTouches: readonly (readonly [TouchType, number])[];
}

export const channelProfiles: Record<DemoCampaignChannel, ChannelProfile> = {
  paid_search: { source: 'Google Ads', share: 0.22, intent: 0.5, costUsd: [5_000, 40_000], captureTouches: [['form_fill', 5], ['demo_request', 2], ['trial_signup', 2], ['contact_request', 1]] },
  paid_social: { source: 'LinkedIn', share: 0.11, intent: 0.3, costUsd: [8_000, 35_000], captureTouches: [['content_download', 5], ['form_fill', 3], ['demo_request', 1]] },
  webinar: { source: 'Webinar', share: 0.13, intent: 0.42, costUsd: [2_000, 10_000], captureTouches: [['webinar', 1]] },
  event: { source: 'Trade show', share: 0.1, intent: 0.38, costUsd: [20_000, 120_000], captureTouches: [['event', 1]] },
  content: { source: 'Content syndication', share: 0.11, intent: 0.3, costUsd: [3_000, 15_000], captureTouches: [['content_download', 1]] },
  email: { source: 'Email', share: 0.05, intent: 0.38, costUsd: [500, 3_000], captureTouches: [['form_fill', 2], ['content_download', 2], ['demo_request', 1]] },
  partner: { source: 'Partner referral', share: 0.05, intent: 0.62, costUsd: [0, 10_000], captureTouches: [['contact_request', 3], ['demo_request', 2]] },
  organic: { source: 'Organic search', share: 0.13, intent: 0.52, costUsd: [0, 0], captureTouches: [['form_fill', 4], ['contact_request', 2], ['demo_request', 2], ['trial_signup', 2], ['content_download', 2]] },
  list_purchase: { source: 'Purchased list', share: 0.06, intent: 0.12, costUsd: [5_000, 25_000], captureTouches: [['import', 1]] },
};

/** Share of leads that arrive with no campaign at all (typed the URL, a colleague forwarded it). */
export const noCampaignShare = 0.04;

const webinarTopics = ['Pipeline Hygiene', 'Lead Scoring That Sales Trusts', 'Speed to Lead', 'SLAs Between Marketing and Sales', 'Attribution Without Tears', 'Forecasting From the Funnel Up', 'Killing Bad Lead Sources', 'The MQL Is Dead, Long Live the MQL', 'Routing for Field and Inside Teams', 'Win/Loss Interviews That Work'];
const searchThemes = ['Lead Routing', 'Lead Scoring', 'Marketing Attribution', 'Revenue Operations', 'Sales SLA'];
const socialThemes = ['RevOps Leaders', 'Demand Gen Managers', 'Sales Directors', 'Marketing Ops', 'CRO Audience'];
const eventNames = ['RevOps Summit Chicago', 'Demand Gen Live London', 'SaaS Growth Expo Austin', 'B2B Marketing Forum Berlin', 'Sales Leadership Days Boston', 'Pipeline Con Amsterdam'];
const contentTitles = ['Ebook: The Lead Handoff Playbook', 'Report: State of Lead Response 2025', 'Guide: Writing Your First Service-Level Agreement', 'Checklist: Cleaning Up Your CRM', 'Benchmark: MQL to SQL Rates by Industry'];
const emailThemes = ['Nurture: Scoring Basics', 'Nurture: Routing Deep Dive', 'Newsletter Feature', 'Nurture: Customer Stories', 'Re-engagement Series'];
const partnerNames = ['Northbeam Consulting', 'Quotient Partners', 'Halvard Agency', 'Brightside RevOps', 'Kinetic CRM Services'];
const listVendors = ['DataHarbor', 'ListForge', 'Prospectly'];
const emeaCountries = ['GB', 'DE', 'FR', 'NL', 'SE', 'ES', 'IE', 'CH', 'IT', 'DK', 'NO', 'PL', 'BE'];

function distinctPicker<T>(random: SeededRandom, items: readonly T[]): () => T {
  let pool = random.shuffled(items);
  return () => {
    if (pool.length === 0) pool = random.shuffled(items);
    return pool.pop() as T;
  };
}

/** A Tuesday, Wednesday or Thursday (local US time) between the two instants, if there is one. */
function midweekDay(random: SeededRandom, from: number, until: number): number {
  const firstDay = startOfUtcDay(from);
  const days = Math.max(1, Math.floor((until - firstDay) / DAY_MS));
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const day = firstDay + random.int(0, days - 1) * DAY_MS;
    const weekday = localWeekday(day + 12 * 3_600_000, 0);
    if (weekday >= 2 && weekday <= 4) return day;
  }
  return firstDay;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * About 40 campaigns over the four quarters before `now`, with costs in USD cents, plus the plan the
 * lead generator follows. Later quarters bring more leads (the organisation is growing).
 */
export function generateDemoCampaigns(random: SeededRandom, now: Date): CampaignPlan[] {
  const yearStart = now.getTime() - 365 * DAY_MS;
  const quarterLength = (365 * DAY_MS) / 4;
  const plans: CampaignPlan[] = [];
  const nextWebinarTopic = distinctPicker(random, webinarTopics);
  const nextEvent = distinctPicker(random, eventNames);
  const nextContent = distinctPicker(random, contentTitles);
  const nextEmailTheme = distinctPicker(random, emailThemes);
  const nextPartner = distinctPicker(random, partnerNames);
  const nextSearchTheme = distinctPicker(random, searchThemes);
  const nextSocialTheme = distinctPicker(random, socialThemes);

  const add = (
    channel: DemoCampaignChannel,
    name: string,
    from: number,
    until: number,
    options: { volumeWeight?: number; growth: number; burst?: boolean; cost?: number; countries?: readonly string[] },
  ) => {
    const profile = channelProfiles[channel];
    // Campaigns run whole UTC days, but never before the year the demo covers or after now.
    const captureFrom = Math.max(startOfUtcDay(from), yearStart);
    const captureUntil = Math.min(startOfUtcDay(until) + DAY_MS - 1, now.getTime());
    const costUsd = options.cost ?? Math.round(random.between(profile.costUsd[0], profile.costUsd[1]) * options.growth / 100) * 100;
    plans.push({
      campaign: {
        key: `campaign-${slug(name)}`,
        name,
        channel,
        source: profile.source,
        costMinor: costUsd * 100,
        currency: 'USD',
        startsOn: isoDate(captureFrom),
        endsOn: isoDate(captureUntil),
      },
      volume: (options.volumeWeight ?? 1) * options.growth,
      intent: Math.min(0.9, Math.max(0.05, profile.intent + random.normal(0, 0.06))),
      fitBias: Math.max(-0.15, Math.min(0.15, random.normal(0, 0.06))),
      captureTouches: profile.captureTouches,
      captureFrom,
      captureUntil,
      burst: options.burst ?? false,
      ...(options.countries === undefined ? {} : { countries: options.countries }),
    });
  };

  for (let quarter = 0; quarter < 4; quarter += 1) {
    const from = quarter === 0 ? yearStart : startOfUtcDay(yearStart + quarter * quarterLength);
    const until = quarter === 3 ? now.getTime() : startOfUtcDay(yearStart + (quarter + 1) * quarterLength) - 1;
    const label = `Q${Math.floor(new Date(from + quarterLength / 2).getUTCMonth() / 3) + 1}`;
    const growth = 1 + 0.5 * (quarter / 3);
    add('paid_search', `${label} Google Ads: Brand`, from, until, { growth, volumeWeight: 0.8 });
    add('paid_search', `${label} Google Ads: ${nextSearchTheme()}`, from, until, { growth, volumeWeight: 1.2 });
    add('paid_social', `${label} LinkedIn: ${nextSocialTheme()}`, from, until, { growth });
    for (let webinar = 0; webinar < 2; webinar += 1) {
      const day = midweekDay(random, from + 21 * DAY_MS, until - 3 * DAY_MS);
      add('webinar', `${label} Webinar: ${nextWebinarTopic()}`, day - 21 * DAY_MS, day + 3 * DAY_MS, { growth });
    }
    const eventDay = midweekDay(random, from, until - 3 * DAY_MS);
    add('event', `${label} Trade show: ${nextEvent()}`, eventDay, eventDay + 2 * DAY_MS, { growth });
    add('content', `${label} ${nextContent()}`, from, until, { growth });
    add('email', `${label} ${nextEmailTheme()}`, from, until, { growth });
    add('partner', `${label} Partner: ${nextPartner()} referrals`, from, until, { growth });
    if (quarter === 1 || quarter === 3) {
      const importDay = midweekDay(random, from, until - 7 * DAY_MS);
      const emea = quarter === 1;
      add('list_purchase', `${label} Purchased list: ${random.pick(listVendors)} ${emea ? 'EMEA IT Directors' : 'US Mid-Market Ops'}`, importDay, importDay, {
        growth,
        burst: true,
        countries: emea ? emeaCountries : ['US'],
      });
    }
  }
  add('organic', 'Organic search', yearStart, now.getTime(), { growth: 1.25, cost: 0 });
  add('organic', 'Blog & SEO content', yearStart, now.getTime(), { growth: 1.25, cost: 0, volumeWeight: 0.6 });

  // Turn per-channel weights into shares of all leads.
  const channelTotals = new Map<DemoCampaignChannel, number>();
  for (const plan of plans) channelTotals.set(plan.campaign.channel, (channelTotals.get(plan.campaign.channel) ?? 0) + plan.volume);
  for (const plan of plans) {
    const total = channelTotals.get(plan.campaign.channel) ?? 1;
    plan.volume = (plan.volume / total) * channelProfiles[plan.campaign.channel].share;
  }
  return plans;
}
