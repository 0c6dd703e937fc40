import type { LeadInput } from '../lead/lead-input.ts';
import type { TouchType } from '../pact/pact-schema.ts';
import { buildDemoLeadInput } from './build-demo-lead-input.ts';
import { DAY_MS, HOUR_MS } from './demo-calendar-math.ts';
import { demoCountry, demoCountryWeights } from './demo-countries.ts';
import type { DemoAccount, DemoLead, DemoPlantedDirt, DemoUser } from './demo-organisation.ts';
import { drawCaptureInstant } from './draw-capture-instant.ts';
import { createProspectDrawer, type DemoProspect } from './draw-demo-prospect.ts';
import { fieldAccountMinEmployees, insideAccountMinEmployees } from './generate-demo-accounts.ts';
import { noCampaignShare, type CampaignPlan } from './generate-demo-campaigns.ts';
import { engagementOf, latentQuality, prospectFit } from './latent-lead-quality.ts';
import { marketingQualifiedMoment } from './marketing-qualified-moment.ts';
import { planDemoLifecycle, type LifecycleActors } from './plan-demo-lifecycle.ts';
import { planLaterTouches, RunningCampaigns } from './plan-later-touches.ts';
import { competitorLeadFields, junkLeadFields, resubmissionVariantsFor, resubmittedEmail, type JunkReason } from './plant-demo-dirt.ts';
import type { SeededRandom } from './seeded-random.ts';

/** Shares of all leads that are planted dirt. */
export const resubmissionShare = 0.04;
export const junkShare = 0.02;
export const competitorShare = 0.01;
/** Share of real leads that type an unreachable phone (about 3 % of those who give one). */
const impossiblePhoneLeadShare = 0.017;

const captureTouchesWithoutCampaign: readonly (readonly [TouchType, number])[] = [['form_fill', 3], ['contact_request', 2], ['demo_request', 1], ['chat', 1]];

interface DraftLead {
  lead: Omit<DemoLead, 'key'>;
  prospect: DemoProspect | null;
  original: DraftLead | null;
}

/** The team a lead's class routes to: field for large accounts, inside for mid-sized, digital for the rest. */
export function demoTeamKeyFor(employees: number | null, hasAccount: boolean): string {
  if (hasAccount && employees !== null && employees >= fieldAccountMinEmployees) return 'field-sales';
  if (hasAccount && employees !== null && employees >= insideAccountMinEmployees) return 'inside-sales';
  return 'digital-sales';
}

function createActorPicker(users: readonly DemoUser[]): (random: SeededRandom, prospect: DemoProspect) => LifecycleActors {
  const teamKeys = ['field-sales', 'inside-sales', 'digital-sales'];
  const repsByTeam = new Map(teamKeys.map((teamKey) => [teamKey, users.filter((user) => user.role === 'sales_rep' && user.teamKey === teamKey)]));
  const managerByTeam = new Map(teamKeys.map((teamKey) => [teamKey, users.find((user) => user.role === 'sales_manager' && user.teamKey === teamKey)]));
  return (random, prospect) => {
    const teamKey = demoTeamKeyFor(prospect.account?.employees ?? null, prospect.account !== null);
    const reps = repsByTeam.get(teamKey) ?? [];
    const manager = managerByTeam.get(teamKey);
    if (reps.length === 0 || manager === undefined) throw new Error(`demo team ${teamKey} has no reps or no manager`);
    const owner = reps.find((rep) => rep.key === prospect.account?.ownerKey);
    const repKey = owner?.key ?? random.weighted(reps.map((rep) => [rep.key, rep.weight] as const));
    return { repKey, managerKey: manager.key };
  };
}

function createCampaignPicker(plans: readonly CampaignPlan[]): (random: SeededRandom) => CampaignPlan | null {
  const weights: (readonly [CampaignPlan | null, number])[] = [...plans.map((plan) => [plan, plan.volume] as const), [null, noCampaignShare]];
  return (random) => random.weighted(weights);
}

/**
 * A year of leads: real people (65 % at generated accounts), then planted dirt — re-submissions,
 * junk and competitors — all with capture times, touches and, for real people, what sales did.
 * Returned ordered by capture time with keys lead-000001… in that order.
 */
export function generateDemoLeads(
  random: SeededRandom,
  options: { now: Date; leadCount: number; accounts: readonly DemoAccount[]; users: readonly DemoUser[]; campaignPlans: readonly CampaignPlan[]; takenDomains: Set<string> },
): DemoLead[] {
  const now = options.now.getTime();
  const yearStart = now - 365 * DAY_MS;
  const resubmissionCount = Math.round(options.leadCount * resubmissionShare);
  const junkCount = Math.round(options.leadCount * junkShare);
  const competitorCount = Math.round(options.leadCount * competitorShare);
  const realCount = Math.max(0, options.leadCount - resubmissionCount - junkCount - competitorCount);

  const drawer = createProspectDrawer(random, options.accounts, options.takenDomains);
  const pickActors = createActorPicker(options.users);
  const pickCampaign = createCampaignPicker(options.campaignPlans);
  const runningCampaigns = new RunningCampaigns(options.campaignPlans);

  // A purchased list is imported in one go: its rows arrive a second apart from 15:00 UTC on.
  const importedRows = new Map<CampaignPlan, number>();
  const captureMoment = (plan: CampaignPlan | null, countryCode: string): number => {
    const utcOffsetHours = random.weighted(demoCountry(countryCode).utcOffsets);
    if (plan?.burst) {
      const row = importedRows.get(plan) ?? 0;
      importedRows.set(plan, row + 1);
      return Math.min(now - 60_000, plan.captureFrom + 15 * HOUR_MS + row * 1_000);
    }
    return drawCaptureInstant(random, { from: plan?.captureFrom ?? yearStart, until: plan?.captureUntil ?? now, yearStart, now, utcOffsetHours });
  };
  const captureTouch = (plan: CampaignPlan | null): TouchType => random.weighted(plan?.captureTouches ?? captureTouchesWithoutCampaign);

  const drafts: DraftLead[] = [];
  for (let index = 0; index < realCount; index += 1) {
    const plan = pickCampaign(random);
    const prospect = drawer.draw({ countries: plan?.countries });
    const capturedAt = captureMoment(plan, prospect.countryCode);
    const touchType = captureTouch(plan);
    const fit = prospectFit(prospect, plan?.fitBias ?? 0);
    const intent = Math.min(1, Math.max(0, (plan?.intent ?? 0.5) + 0.25 * (fit - 0.5) + random.normal(0, 0.15)));
    const laterTouches = planLaterTouches(random, { capturedAt, now, intent, campaigns: runningCampaigns });
    const engagement = engagementOf([touchType, ...laterTouches.map((touch) => touch.type)]);
    const impossiblePhone = random.chance(impossiblePhoneLeadShare);
    const quality = latentQuality(random, fit, engagement) * (impossiblePhone ? 0.5 : 1);
    const qualifiedAt = marketingQualifiedMoment(fit, [{ type: touchType, at: capturedAt }, ...laterTouches.map((touch) => ({ type: touch.type, at: touch.occurredAt.getTime() }))]);
    const { lifecycle, opportunity } = planDemoLifecycle(random, {
      qualifiedAt,
      now,
      quality,
      fit,
      prospect,
      unusableData: impossiblePhone,
      actors: pickActors(random, prospect),
    });
    drafts.push({
      lead: {
        input: buildDemoLeadInput(random, { prospect, campaign: plan, capturedAt, touchType, impossiblePhone }),
        capturedAt: new Date(capturedAt),
        campaignKey: plan?.campaign.key ?? null,
        laterTouches,
        lifecycle,
        opportunity,
        latentQuality: quality,
        plantedDirt: impossiblePhone ? { kind: 'impossible_phone' } : null,
      },
      prospect,
      original: null,
    });
  }

  const dirtyLead = (fields: Partial<LeadInput>, plantedDirt: DemoPlantedDirt, latent: number): DraftLead => {
    const plan = pickCampaign(random);
    const capturedAt = captureMoment(plan, random.weighted(demoCountryWeights));
    const touchType = captureTouch(plan);
    const input: LeadInput = {
      ...fields,
      ...(plan === null ? { source: 'Website' } : { source: plan.campaign.source, campaign: plan.campaign.name }),
      touch: { type: touchType, occurredAt: new Date(capturedAt).toISOString() },
    };
    return {
      lead: { input, capturedAt: new Date(capturedAt), campaignKey: plan?.campaign.key ?? null, laterTouches: [], lifecycle: [], opportunity: null, latentQuality: latent, plantedDirt },
      prospect: null,
      original: null,
    };
  };
  for (let index = 0; index < junkCount; index += 1) {
    const reason = random.weighted<JunkReason>([['disposable_mail', 4], ['keyboard_mash', 3], ['test_name', 3]]);
    drafts.push(dirtyLead(junkLeadFields(random, reason), { kind: 'junk', reason }, random.between(0, 0.05)));
  }
  for (let index = 0; index < competitorCount; index += 1) {
    drafts.push(dirtyLead(competitorLeadFields(random), { kind: 'competitor' }, random.between(0, 0.1)));
  }

  // Re-submissions come from people already captured at least a day before now.
  const candidates = drafts.filter((draft) => draft.prospect !== null && draft.lead.capturedAt.getTime() < now - DAY_MS);
  for (let index = 0; index < resubmissionCount && candidates.length > 0; index += 1) {
    const original = random.pick(candidates);
    const prospect = original.prospect as DemoProspect;
    const originalAt = original.lead.capturedAt.getTime();
    const capturedAt = Math.round(Math.min(now - 60_000, originalAt + HOUR_MS + random.exponential(30 * DAY_MS)));
    const running = options.campaignPlans.filter((plan) => !plan.burst && plan.captureFrom <= capturedAt && capturedAt <= plan.captureUntil);
    const plan = running.length > 0 && random.chance(0.85) ? random.weighted(running.map((candidate) => [candidate, candidate.volume] as const)) : null;
    const originalEmail = original.lead.input.email?.trim().toLowerCase() ?? prospect.email;
    const variant = random.pick(resubmissionVariantsFor(originalEmail));
    const touchType = captureTouch(plan);
    drafts.push({
      lead: {
        input: buildDemoLeadInput(random, { prospect, campaign: plan, capturedAt, touchType, impossiblePhone: false, email: resubmittedEmail(random, originalEmail, variant) }),
        capturedAt: new Date(capturedAt),
        campaignKey: plan?.campaign.key ?? null,
        laterTouches: [],
        lifecycle: [],
        opportunity: null,
        latentQuality: original.lead.latentQuality,
        plantedDirt: { kind: 'resubmission', originalLeadKey: '', variant },
      },
      prospect,
      original,
    });
  }

  drafts.sort((left, right) => left.lead.capturedAt.getTime() - right.lead.capturedAt.getTime());
  const keys = new Map<DraftLead, string>();
  drafts.forEach((draft, index) => keys.set(draft, `lead-${String(index + 1).padStart(6, '0')}`));
  return drafts.map((draft) => {
    const key = keys.get(draft) as string;
    const dirt = draft.lead.plantedDirt;
    if (dirt?.kind === 'resubmission' && draft.original !== null) {
      return { key, ...draft.lead, plantedDirt: { ...dirt, originalLeadKey: keys.get(draft.original) as string } };
    }
    return { key, ...draft.lead };
  });
}
