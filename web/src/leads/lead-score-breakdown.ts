import type { Grade } from '../ui/badge.tsx';
import type { ScoreExplanation } from './lead-detail.ts';

export interface FitLine {
  ruleId: string;
  label: string;
  points: number;
}

export interface EngagementLine {
  ruleId: string;
  label: string;
  touchType: string;
  touches: number;
  counted: number;
  /** Points before decay (the rule's points × touches counted). */
  rawPoints: number;
  halfLifeDays: number;
  /** After decay, to one decimal; the lines add up exactly to `engagement`. */
  points: number;
}

export interface ScoreBreakdown {
  fitLines: FitLine[];
  /** Points the pact's fit range took off (negative) or added (positive); 0 when the fit was in range. */
  fitRangeAdjustment: number;
  fit: number;
  engagementLines: EngagementLine[];
  engagement: number;
  /** fit + engagement before rounding. */
  exactTotal: number;
  /** The lead's score: exactTotal rounded to a whole number. */
  total: number;
  grade: { letter: Grade; basis: 'fit' | 'total'; value: number; thresholds: { A: number; B: number; C: number } };
  handRaiser: boolean;
  scoredAt: string;
}

/**
 * Rounds `values` to `decimals` so that the rounded values add up to their exact sum rounded the
 * same way (largest remainder): the explanation's lines must add up to the score the page shows,
 * which plain per-line rounding can miss by a tenth.
 */
export function roundToSum(values: readonly number[], decimals: number): number[] {
  const scale = 10 ** decimals;
  const scaled = values.map((value) => value * scale);
  const floors = scaled.map((value) => Math.floor(value));
  const target = Math.round(scaled.reduce((sum, value) => sum + value, 0));
  let missing = target - floors.reduce((sum, value) => sum + value, 0);
  const byRemainder = scaled.map((value, index) => ({ index, remainder: value - floors[index]! })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  const result = [...floors];
  for (const { index } of byRemainder) {
    if (missing <= 0) break;
    result[index]! += 1;
    missing -= 1;
  }
  return result.map((value) => withoutNegativeZero(value / scale));
}

/**
 * The score explanation as the page shows it: every fit rule with its points, the fit range's
 * cut, every engagement rule with its decayed points, and totals that add up line by line to the
 * score (same arithmetic as the server's scoreLead: fit clamped, engagement to one decimal, total
 * rounded to a whole number).
 */
export function scoreBreakdownOf(explanation: ScoreExplanation): ScoreBreakdown {
  const fitLines = explanation.fit.map((rule) => ({ ruleId: rule.ruleId, label: rule.label, points: rule.points }));
  const fit = explanation.fitClamped;
  const decayed = roundToSum(
    explanation.engagement.map((rule) => rule.decayedPoints),
    1,
  );
  const engagementLines = explanation.engagement.map((rule, index) => ({
    ruleId: rule.ruleId,
    label: rule.label,
    touchType: rule.touchType,
    touches: rule.touches,
    counted: rule.counted,
    rawPoints: rule.rawPoints,
    halfLifeDays: rule.halfLifeDays,
    points: decayed[index]!,
  }));
  const engagement = withoutNegativeZero(Math.round(decayed.reduce((sum, value) => sum + value, 0) * 10) / 10);
  const exactTotal = Math.round((fit + engagement) * 10) / 10;
  return {
    fitLines,
    fitRangeAdjustment: withoutNegativeZero(explanation.fitClamped - explanation.fitRaw),
    fit,
    engagementLines,
    engagement,
    exactTotal,
    total: withoutNegativeZero(Math.round(exactTotal)),
    grade: { letter: explanation.grade.grade, basis: explanation.grade.basis, value: explanation.grade.value, thresholds: explanation.grade.thresholds },
    handRaiser: explanation.handRaiser,
    scoredAt: explanation.scoredAt,
  };
}

/** Points as the page prints them: a sign, and a decimal only when there is one ("+15", "−2", "+21.3"). */
export function formatPoints(points: number): string {
  const text = Number.isInteger(points) ? String(Math.abs(points)) : Math.abs(points).toFixed(1);
  if (points === 0) return '0';
  return `${points < 0 ? '−' : '+'}${text}`;
}

export interface GradeBand {
  grade: Grade;
  /** Lowest value of the band (inclusive); null for D (open below). */
  from: number | null;
  /** Value where the next grade starts (exclusive); null for A (open above). */
  below: number | null;
}

/** The four grade bands of the thresholds, A first. */
export function gradeBands(thresholds: { A: number; B: number; C: number }): GradeBand[] {
  return [
    { grade: 'A', from: thresholds.A, below: null },
    { grade: 'B', from: thresholds.B, below: thresholds.A },
    { grade: 'C', from: thresholds.C, below: thresholds.B },
    { grade: 'D', from: null, below: thresholds.C },
  ];
}

/** How many points the graded value lacks for the next grade up; null for an A. */
export function nextGradeGap(value: number, thresholds: { A: number; B: number; C: number }): { grade: Grade; points: number } | null {
  const next = (['C', 'B', 'A'] as const).find((grade) => value < thresholds[grade]);
  return next ? { grade: next, points: Math.round((thresholds[next] - value) * 10) / 10 } : null;
}

/** A band's range as the scale prints it: "60 and up", "40–59", "below 20" (whole-number thresholds), else "40 to under 60". */
export function bandRange(band: GradeBand): string {
  if (band.from === null) return `below ${band.below}`;
  if (band.below === null) return `${band.from} and up`;
  return Number.isInteger(band.from) && Number.isInteger(band.below) ? `${band.from}–${band.below - 1}` : `${band.from} to under ${band.below}`;
}

function withoutNegativeZero(value: number): number {
  return value === 0 ? 0 : value;
}
