import type { TouchType } from '../pact/pact-schema.ts';
import { demoCountry } from './demo-countries.ts';
import type { DemoSeniority } from './demo-job-titles.ts';
import type { DemoProspect } from './draw-demo-prospect.ts';
import type { SeededRandom } from './seeded-random.ts';

/**
 * How good a demo lead truly is. Outcomes are drawn from this, and it is built only from things a
 * pact or a learned model can see (title, size, industry, country, e-mail kind, touches) plus noise —
 * so scoring has real signal to find, and no more than real life gives.
 */

const seniorityFit: Record<DemoSeniority, number> = {
  c_level: 0.9,
  vp: 1,
  director: 0.9,
  manager: 0.7,
  individual_contributor: 0.35,
  not_a_buyer: 0,
};

function sizeFit(employees: number | null): number {
  if (employees === null) return 0.15;
  if (employees < 10) return 0.15;
  if (employees < 50) return 0.4;
  if (employees < 200) return 0.65;
  if (employees < 1_000) return 0.85;
  if (employees < 5_000) return 1;
  return 0.9;
}

/** 0–1: how well the person and the company match the ideal customer. */
export function prospectFit(prospect: DemoProspect, campaignFitBias: number): number {
  const fit =
    0.25 * seniorityFit[prospect.seniority] +
    0.25 * sizeFit(prospect.company?.employees ?? null) +
    0.2 * (prospect.company?.industry.fit ?? 0.2) +
    0.1 * demoCountry(prospect.countryCode).marketFit +
    0.2 * (prospect.freeMail ? 0.2 : 1) +
    campaignFitBias;
  return Math.min(1, Math.max(0, fit));
}

/** What each kind of touch says about interest, in the generator's own points. */
export const touchPoints: Record<TouchType, number> = {
  import: 0,
  email_open: 1,
  visit: 2,
  email_click: 3,
  content_download: 5,
  form_fill: 5,
  chat: 6,
  webinar: 7,
  event: 7,
  trial_signup: 12,
  contact_request: 14,
  demo_request: 18,
};

/** Touch types that ask for sales. */
export const handRaiserTouchTypes: readonly TouchType[] = ['demo_request', 'contact_request', 'trial_signup'];

/** 0–1 engagement from the touches a lead made, and whether any raised a hand. */
export function engagementOf(touchTypes: readonly TouchType[]): { engagement: number; handRaiser: boolean } {
  let points = 0;
  for (const type of touchTypes) points += touchPoints[type];
  return { engagement: Math.min(1, points / 45), handRaiser: touchTypes.some((type) => handRaiserTouchTypes.includes(type)) };
}

/** Blends fit and engagement with noise into the lead's latent quality (0–1). */
export function latentQuality(random: SeededRandom, fit: number, engagement: { engagement: number; handRaiser: boolean }): number {
  const quality = 0.55 * fit + 0.35 * engagement.engagement + (engagement.handRaiser ? 0.1 : 0) + random.normal(0, 0.07);
  return Math.min(1, Math.max(0, quality));
}
