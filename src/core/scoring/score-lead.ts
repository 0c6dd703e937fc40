import type { EngagementRule, FitRule, Grade, PactDocument, TouchType } from '../pact/pact-schema.ts';
import { evaluateAll } from '../rules/evaluate-condition.ts';
import type { LeadFacts } from '../rules/lead-facts.ts';
import { decayedPoints } from './decay-points.ts';
import { gradeForPoints } from './grade-for-points.ts';

export interface TouchForScoring {
  type: TouchType;
  occurredAt: Date;
}

export interface FitContribution {
  ruleId: string;
  label: string;
  points: number;
}

export interface EngagementContribution {
  ruleId: string;
  label: string;
  touchType: TouchType;
  /** Touches of the type the lead has. */
  touches: number;
  /** How many of them count (the newest, at most the rule's maxCount). */
  counted: number;
  /** points · counted, before decay. */
  rawPoints: number;
  /** Sum of the counted touches' decayed points, unrounded (the lead's engagement is their rounded sum). */
  decayedPoints: number;
  halfLifeDays: number;
}

export interface ScoreExplanation {
  fit: FitContribution[];
  engagement: EngagementContribution[];
  fitRaw: number;
  fitClamped: number;
  grade: { basis: 'fit' | 'total'; value: number; thresholds: { A: number; B: number; C: number }; grade: Grade };
  handRaiser: boolean;
  /** ISO 8601 instant the score was computed for (the `now` passed in). */
  scoredAt: string;
}

export interface LeadScore {
  /** Fit points clamped to the pact's fitRange. */
  fit: number;
  /** Decayed engagement points, rounded to one decimal. */
  engagement: number;
  /** Math.round(fit + engagement). */
  total: number;
  grade: Grade;
  handRaiser: boolean;
  explanation: ScoreExplanation;
}

const millisecondsPerDay = 86_400_000;

/**
 * Scores a lead against the pact's fit rules, engagement rules and grading, as of `now`.
 *
 * Fit is the sum of the points of every fit rule whose conditions all hold, clamped to
 * `grading.fitRange`. Engagement sums, rule by rule in pact order, the decayed points of the rule's
 * touch type — newest touch first, at most `maxCount` touches — and is rounded to one decimal only at
 * the end. Ages are in days of 86 400 000 ms; a future touch counts as age 0. Touch types without a
 * rule give nothing. The explanation lists, in pact order, every fit rule that fired (negative points
 * included) and every engagement rule that had at least one touch.
 *
 * Pure and deterministic: same input, same output bit for bit; never mutates its input. Throws a
 * RangeError when `now` or a touch date is an invalid Date.
 */
export function scoreLead(options: {
  facts: LeadFacts;
  touches: readonly TouchForScoring[];
  pact: Pick<PactDocument, 'fitRules' | 'engagementRules' | 'grading'>;
  now: Date;
}): LeadScore {
  const { facts, touches, pact, now } = options;
  const scoredAt = now.toISOString();
  const { grading } = pact;

  const fitContributions = firedFitRules(pact.fitRules, facts);
  const fitRaw = fitContributions.reduce((sum, contribution) => sum + contribution.points, 0);
  const [fitLow, fitHigh] = grading.fitRange;
  const fitClamped = Math.min(Math.max(fitRaw, fitLow), fitHigh);

  const engagementContributions = pact.engagementRules
    .map((rule) => engagementOfRule(rule, touches, now))
    .filter((contribution): contribution is EngagementContribution => contribution !== null);
  const engagementUnrounded = engagementContributions.reduce((sum, contribution) => sum + contribution.decayedPoints, 0);
  const engagement = withoutNegativeZero(Math.round(engagementUnrounded * 10) / 10);

  const total = withoutNegativeZero(Math.round(fitClamped + engagement));
  const gradedValue = grading.basis === 'fit' ? fitClamped : total;
  const grade = gradeForPoints(gradedValue, grading.thresholds);

  const handRaiserTypes = new Set(pact.engagementRules.filter((rule) => rule.handRaiser).map((rule) => rule.touchType));
  const handRaiser = touches.some((touch) => handRaiserTypes.has(touch.type));

  return {
    fit: fitClamped,
    engagement,
    total,
    grade,
    handRaiser,
    explanation: {
      fit: fitContributions,
      engagement: engagementContributions,
      fitRaw,
      fitClamped,
      grade: {
        basis: grading.basis,
        value: gradedValue,
        thresholds: { A: grading.thresholds.A, B: grading.thresholds.B, C: grading.thresholds.C },
        grade,
      },
      handRaiser,
      scoredAt,
    },
  };
}

function firedFitRules(rules: readonly FitRule[], facts: LeadFacts): FitContribution[] {
  return rules
    .filter((rule) => evaluateAll(rule.when, facts))
    .map((rule) => ({ ruleId: rule.id, label: rule.label, points: rule.points }));
}

function engagementOfRule(rule: EngagementRule, touches: readonly TouchForScoring[], now: Date): EngagementContribution | null {
  const agesNewestFirst = touches
    .filter((touch) => touch.type === rule.touchType)
    .map((touch) => ageInDays(touch.occurredAt, now))
    .sort((a, b) => a - b);
  if (agesNewestFirst.length === 0) return null;
  const counted = Math.min(agesNewestFirst.length, rule.maxCount ?? agesNewestFirst.length);
  let decayed = 0;
  for (const age of agesNewestFirst.slice(0, counted)) {
    decayed += decayedPoints(rule.points, age, rule.halfLifeDays);
  }
  return {
    ruleId: rule.id,
    label: rule.label,
    touchType: rule.touchType,
    touches: agesNewestFirst.length,
    counted,
    rawPoints: rule.points * counted,
    decayedPoints: decayed,
    halfLifeDays: rule.halfLifeDays,
  };
}

function ageInDays(occurredAt: Date, now: Date): number {
  const age = (now.getTime() - occurredAt.getTime()) / millisecondsPerDay;
  if (Number.isNaN(age)) throw new RangeError('touch occurredAt and now must be valid dates');
  return age;
}

/** -0 would make otherwise equal scores compare unequal under Object.is and print as "-0". */
function withoutNegativeZero(value: number): number {
  return value === 0 ? 0 : value;
}
