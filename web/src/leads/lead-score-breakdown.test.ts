import { describe, expect, it } from 'vitest';
import type { ScoreExplanation } from './lead-detail.ts';
import { bandRange, formatPoints, gradeBands, nextGradeGap, roundToSum, scoreBreakdownOf } from './lead-score-breakdown.ts';

const explanation: ScoreExplanation = {
  fit: [
    { ruleId: 'director', label: 'Director-level title', points: 15 },
    { ruleId: 'business_email', label: 'Business e-mail address', points: 10 },
    { ruleId: 'valid_phone', label: 'Valid phone number', points: 5 },
    { ruleId: 'has_website', label: 'Company website given', points: 5 },
  ],
  engagement: [
    { ruleId: 'trial_signup', label: 'Trial sign-up', touchType: 'trial_signup', touches: 1, counted: 1, rawPoints: 30, decayedPoints: 21.311949774132334, halfLifeDays: 30 },
    { ruleId: 'email_click', label: 'E-mail click', touchType: 'email_click', touches: 1, counted: 1, rawPoints: 5, decayedPoints: 2.7051336443521263, halfLifeDays: 14 },
    { ruleId: 'visit', label: 'Website visit', touchType: 'visit', touches: 2, counted: 2, rawPoints: 4, decayedPoints: 3.53679586237205, halfLifeDays: 14 },
  ],
  fitRaw: 35,
  fitClamped: 35,
  grade: { basis: 'fit', value: 35, thresholds: { A: 60, B: 40, C: 20 }, grade: 'C' },
  handRaiser: true,
  scoredAt: '2026-10-19T17:07:03.361Z',
};

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe('roundToSum', () => {
  it('rounds each value so the rounded values add up to the rounded sum', () => {
    // Plain rounding gives 0.3 + 0.3 + 0.3 = 0.9 for an exact sum of 1.0 (rounded).
    const rounded = roundToSum([0.34, 0.33, 0.33], 1);
    expect(Math.round(sum(rounded) * 10) / 10).toBe(1);
    expect(rounded).toEqual([0.4, 0.3, 0.3]);
  });

  it('keeps exact values as they are and handles negatives and an empty list', () => {
    expect(roundToSum([2, 5.5, -1.5], 1)).toEqual([2, 5.5, -1.5]);
    expect(roundToSum([], 1)).toEqual([]);
    expect(roundToSum([-0.04], 1)).toEqual([0]);
  });
});

describe('scoreBreakdownOf', () => {
  it('adds the rule points up to the score the server stored (fit 35 + engagement 27.6 → 63)', () => {
    const breakdown = scoreBreakdownOf(explanation);
    expect(breakdown.fit).toBe(35);
    expect(sum(breakdown.fitLines.map((line) => line.points)) + breakdown.fitRangeAdjustment).toBe(35);
    expect(breakdown.engagement).toBe(27.6);
    expect(Math.round(sum(breakdown.engagementLines.map((line) => line.points)) * 10) / 10).toBe(27.6);
    expect(breakdown.exactTotal).toBe(62.6);
    expect(breakdown.total).toBe(63);
    expect(breakdown.grade).toEqual({ letter: 'C', basis: 'fit', value: 35, thresholds: { A: 60, B: 40, C: 20 } });
  });

  it('shows the fit range’s cut as its own line so the lines still add up', () => {
    const capped = scoreBreakdownOf({ ...explanation, fitRaw: 130, fitClamped: 100, fit: [{ ruleId: 'a', label: 'A', points: 80 }, { ruleId: 'b', label: 'B', points: 50 }], engagement: [] });
    expect(capped.fitRangeAdjustment).toBe(-30);
    expect(sum(capped.fitLines.map((line) => line.points)) + capped.fitRangeAdjustment).toBe(capped.fit);
    expect(capped.engagement).toBe(0);
    expect(capped.total).toBe(100);
  });
});

describe('formatPoints and gradeBands', () => {
  it('prints points with a sign and at most one decimal', () => {
    expect(formatPoints(15)).toBe('+15');
    expect(formatPoints(-2)).toBe('−2');
    expect(formatPoints(21.3)).toBe('+21.3');
    expect(formatPoints(0)).toBe('0');
  });

  it('turns the thresholds into four bands, A open above and D open below', () => {
    expect(gradeBands({ A: 60, B: 40, C: 20 })).toEqual([
      { grade: 'A', from: 60, below: null },
      { grade: 'B', from: 40, below: 60 },
      { grade: 'C', from: 20, below: 40 },
      { grade: 'D', from: null, below: 20 },
    ]);
  });

  it('says how far the next grade is, and prints each band’s range', () => {
    const thresholds = { A: 60, B: 40, C: 20 };
    expect(nextGradeGap(35, thresholds)).toEqual({ grade: 'B', points: 5 });
    expect(nextGradeGap(12.5, thresholds)).toEqual({ grade: 'C', points: 7.5 });
    expect(nextGradeGap(40, thresholds)).toEqual({ grade: 'A', points: 20 });
    expect(nextGradeGap(60, thresholds)).toBeNull();
    expect(gradeBands(thresholds).map(bandRange)).toEqual(['60 and up', '40–59', '20–39', 'below 20']);
    expect(bandRange({ grade: 'B', from: 40.5, below: 60 })).toBe('40.5 to under 60');
  });
});
