import type { TouchType } from '../pact/pact-schema.ts';
import { DAY_MS } from './demo-calendar-math.ts';
import type { CampaignPlan } from './generate-demo-campaigns.ts';
import type { DemoCampaignChannel, DemoTouch } from './demo-organisation.ts';
import type { SeededRandom } from './seeded-random.ts';

/** The most touches one lead gets after capture. */
export const maxLaterTouches = 15;

/** Which campaign a touch of each type belongs to, when one of that channel runs at the time. */
const channelOfTouch: Partial<Record<TouchType, DemoCampaignChannel>> = {
  email_open: 'email',
  email_click: 'email',
  webinar: 'webinar',
  event: 'event',
  content_download: 'content',
};

/** Finds the campaign of a channel running at an instant. */
export class RunningCampaigns {
  readonly #byChannel = new Map<DemoCampaignChannel, { from: number; until: number; key: string }[]>();

  constructor(plans: readonly CampaignPlan[]) {
    for (const plan of plans) {
      const list = this.#byChannel.get(plan.campaign.channel) ?? [];
      list.push({ from: plan.captureFrom, until: plan.captureUntil, key: plan.campaign.key });
      this.#byChannel.set(plan.campaign.channel, list);
    }
  }

  keyAt(channel: DemoCampaignChannel, instant: number): string | null {
    for (const running of this.#byChannel.get(channel) ?? []) {
      if (instant >= running.from && instant <= running.until) return running.key;
    }
    return null;
  }
}

/**
 * The touches after capture: 0–15, more and keener (clicks, demo requests) the higher the lead's
 * intent (0–1), spread over the following weeks and never after `now`. Chronological.
 */
export function planLaterTouches(random: SeededRandom, options: { capturedAt: number; now: number; intent: number; campaigns: RunningCampaigns }): DemoTouch[] {
  const { capturedAt, now, intent, campaigns } = options;
  const count = Math.min(maxLaterTouches, random.poisson(0.3 + 9 * Math.pow(intent, 1.4)));
  const touchWeights: readonly (readonly [TouchType, number])[] = [
    ['email_open', 4],
    ['visit', 3],
    ['email_click', 1 + 3 * intent],
    ['content_download', 1],
    ['webinar', 0.3 + 0.8 * intent],
    ['event', 0.15],
    ['chat', 0.2 + 0.5 * intent],
    ['demo_request', 0.1 + 2.5 * intent * intent],
    ['contact_request', 0.1 + 0.6 * intent],
    ['trial_signup', 0.5 * intent],
  ];
  const meanGapDays = 2 + 8 * (1 - intent);
  const touches: DemoTouch[] = [];
  let at = capturedAt;
  for (let index = 0; index < count; index += 1) {
    at += Math.round((0.05 + random.exponential(meanGapDays)) * DAY_MS);
    if (at > now) break;
    const type = random.weighted(touchWeights);
    const channel = channelOfTouch[type];
    touches.push({ type, occurredAt: new Date(at), campaignKey: channel === undefined ? null : campaigns.keyAt(channel, at) });
  }
  return touches;
}
