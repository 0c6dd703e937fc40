import { describe, expect, it } from 'vitest';
import { decayedPoints } from './decay-points.ts';

describe('decayedPoints', () => {
  it('halves the points after one half-life', () => {
    expect(decayedPoints(20, 30, 30)).toBe(10);
    expect(decayedPoints(20, 60, 30)).toBe(5);
    expect(decayedPoints(40, 15, 30)).toBeCloseTo(40 / Math.SQRT2, 12);
  });
  it('keeps the full points for a brand-new touch', () => {
    expect(decayedPoints(20, 0, 30)).toBe(20);
  });
  it('treats a touch in the future as brand new, never as worth more', () => {
    expect(decayedPoints(20, -5, 30)).toBe(20);
  });
  it('decays negative points towards zero as well', () => {
    expect(decayedPoints(-10, 7, 7)).toBe(-5);
  });
  it('rejects a half-life that is not positive and an age that is not a number', () => {
    expect(() => decayedPoints(10, 1, 0)).toThrow(RangeError);
    expect(() => decayedPoints(10, 1, -3)).toThrow(RangeError);
    expect(() => decayedPoints(10, Number.NaN, 30)).toThrow(RangeError);
  });
});
