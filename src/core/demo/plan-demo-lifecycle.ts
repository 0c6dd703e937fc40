import { addWorkingHours, DAY_MS, demoSalesHours, HOUR_MS, isoDate, nextWorkingInstant } from './demo-calendar-math.ts';
import { demoDispositions, type DemoDispositionCode } from './demo-dispositions.ts';
import type { DemoProspect } from './draw-demo-prospect.ts';
import type { DemoLifecycleStep, DemoOpportunity } from './demo-organisation.ts';
import type { SeededRandom } from './seeded-random.ts';

/** Who works the lead: a rep of the team its class routes to, and that team's manager. */
export interface LifecycleActors {
  repKey: string;
  managerKey: string;
}

export interface LifecyclePlan {
  lifecycle: DemoLifecycleStep[];
  opportunity: DemoOpportunity | null;
}

/** Chance that sales accepts a lead of the given latent quality (0–1). */
export function acceptanceProbability(quality: number): number {
  return Math.min(0.95, 0.25 + 0.95 * Math.pow(quality, 1.3));
}

/** Chance that an accepted lead becomes an opportunity. */
export function opportunityProbability(quality: number): number {
  return Math.min(0.85, Math.max(0.05, -0.1 + 0.8 * quality));
}

/** Chance that an opportunity is won. */
export function winProbability(quality: number): number {
  return Math.min(0.7, Math.max(0.03, -0.15 + 0.72 * quality));
}

/** Deal size in USD cents: bigger companies buy bigger, $5k–$250k. */
export function opportunityValueMinor(random: SeededRandom, employees: number | null): number {
  const usd = 3_000 * Math.pow(Math.max(3, employees ?? 5), 0.45) * Math.exp(random.normal(0, 0.35));
  return Math.round(Math.min(250_000, Math.max(5_000, usd)) / 500) * 500 * 100;
}

function dispositionStep(random: SeededRandom, at: number, code: DemoDispositionCode, actorKey: string): DemoLifecycleStep {
  const disposition = demoDispositions[code];
  const reason = random.pick(disposition.reasons);
  if ('recycleAfterDays' in disposition) {
    return { at: new Date(at), to: 'recycled', actorKey, reason, dispositionCode: code, recycleUntil: new Date(at + disposition.recycleAfterDays * DAY_MS) };
  }
  return { at: new Date(at), to: 'disqualified', actorKey, reason, dispositionCode: code };
}

/** Why sales turns a lead down before accepting it; depends on who the lead is. */
function rejectionReason(random: SeededRandom, prospect: DemoProspect, fit: number): DemoDispositionCode {
  const small = (prospect.company?.employees ?? 0) < 10;
  return random.weighted<DemoDispositionCode>([
    ['wrong_target', 1 + 5 * (1 - fit) + (small ? 2 : 0) + (prospect.freeMail ? 1.5 : 0)],
    ['not_decision_maker', prospect.seniority === 'individual_contributor' ? 4 : 0.4],
    ['no_pain', 1.2],
    ['no_budget', small ? 2 : 0.8],
    ['bad_timing', 1.2],
    ['bad_data', prospect.company === null ? 0.8 : 0.2],
    ['duplicate', 0.6],
  ]);
}

/** Why an accepted lead that never became an opportunity was closed out. */
function workedOutReason(random: SeededRandom, prospect: DemoProspect): DemoDispositionCode {
  return random.weighted<DemoDispositionCode>([
    ['no_budget', 3],
    ['bad_timing', 3],
    ['no_pain', 3],
    ['not_decision_maker', prospect.seniority === 'individual_contributor' ? 3 : 1],
    ['chose_competitor', 1],
    ['wrong_target', 1],
    ['duplicate', 0.3],
  ]);
}

function lostReason(random: SeededRandom): DemoDispositionCode {
  return random.weighted<DemoDispositionCode>([
    ['chose_competitor', 4],
    ['no_budget', 2],
    ['bad_timing', 2],
    ['no_pain', 1.5],
  ]);
}

/** A working instant some days after `from` (at a random time of that working day). */
function workingDaysLater(random: SeededRandom, from: number, days: number): number {
  return nextWorkingInstant(from + days * DAY_MS + random.between(-3, 3) * HOUR_MS + random.int(0, 59) * 60_000, demoSalesHours);
}

/**
 * What sales does with one lead once marketing has passed it on (`qualifiedAt`, UTC ms; null: never,
 * and then nothing happens). Acceptance, qualification and winning all become more likely with
 * latent quality (0–1). Steps come in the sales team's business hours, chronological, strictly after
 * `qualifiedAt`; anything that would happen after `now` is cut off (a deal still open, a lead not yet
 * worked). Students, existing customers and leads with unusable data get their own reasons.
 */
export function planDemoLifecycle(
  random: SeededRandom,
  options: { qualifiedAt: number | null; now: number; quality: number; fit: number; prospect: DemoProspect; unusableData: boolean; actors: LifecycleActors },
): LifecyclePlan {
  const { qualifiedAt, now, quality, fit, prospect, actors } = options;
  if (qualifiedAt === null) return { lifecycle: [], opportunity: null };
  const steps: DemoLifecycleStep[] = [];
  let opportunity: DemoOpportunity | null = null;
  const actor = (managerShare: number) => (random.chance(managerShare) ? actors.managerKey : actors.repKey);
  // Good leads are picked up within a couple of working hours, weak ones can wait a day or two.
  const reviewedAt = () => addWorkingHours(qualifiedAt, 0.1 + random.exponential(quality > 0.6 ? 3 : 10), demoSalesHours);

  const rejectOnly = (code: DemoDispositionCode, probability: number) => {
    if (random.chance(probability)) steps.push(dispositionStep(random, reviewedAt(), code, actor(0.08)));
  };

  // A lead with an unreachable phone is never accepted: the pipeline may already have junked it.
  if (options.unusableData) rejectOnly('bad_data', 0.4);
  else if (prospect.seniority === 'not_a_buyer' && !random.chance(0.03)) rejectOnly('student_or_job_seeker', 0.55);
  else if (prospect.existingCustomer && random.chance(0.6)) rejectOnly('already_customer', 0.8);
  else if (!random.chance(acceptanceProbability(quality))) {
    if (random.chance(0.5)) steps.push(dispositionStep(random, reviewedAt(), rejectionReason(random, prospect, fit), actor(0.08)));
  } else {
    const salAt = reviewedAt();
    steps.push({ at: new Date(salAt), to: 'sal', actorKey: actors.repKey, reason: random.pick(['Accepted', 'Accepted — good fit', 'Accepted after first call', 'Accepted, booking discovery']) });
    if (random.chance(opportunityProbability(quality))) {
      const sqlAt = workingDaysLater(random, salAt, random.between(1, 21));
      steps.push({ at: new Date(sqlAt), to: 'sql', actorKey: actors.repKey, reason: random.pick(['Discovery done, opportunity created', 'Qualified: budget, authority, need and timing confirmed', 'Demo done, proposal requested']) });
      const employees = prospect.company?.employees ?? null;
      const sizeFactor = Math.min(1, Math.log10(Math.max(1, employees ?? 1)) / 4.5);
      const expectedDays = Math.round(Math.min(120, Math.max(30, 30 + 50 * sizeFactor + random.between(0, 40))));
      opportunity = { valueMinor: opportunityValueMinor(random, employees), currency: 'USD', expectedCloseOn: isoDate(sqlAt + expectedDays * DAY_MS), openedAt: new Date(sqlAt) };
      // Deals slip more often than they close early.
      const closeDays = Math.min(150, Math.max(20, expectedDays + random.normal(8, 18)));
      const closeAt = workingDaysLater(random, sqlAt, closeDays);
      if (random.chance(winProbability(quality))) {
        steps.push({ at: new Date(closeAt), to: 'won', actorKey: actor(0.15), reason: random.pick(['Contract signed', 'Order form signed', 'Closed won after procurement']) });
      } else {
        const code = lostReason(random);
        steps.push({ at: new Date(closeAt), to: 'lost', actorKey: actor(0.15), reason: random.pick(demoDispositions[code].reasons), dispositionCode: code });
      }
    } else if (!random.chance(0.2)) {
      steps.push(dispositionStep(random, workingDaysLater(random, salAt, random.between(2, 30)), workedOutReason(random, prospect), actor(0.1)));
    }
  }

  const happened = steps.filter((step) => step.at.getTime() <= now);
  if (!happened.some((step) => step.to === 'sql')) opportunity = null;
  return { lifecycle: happened, opportunity };
}
