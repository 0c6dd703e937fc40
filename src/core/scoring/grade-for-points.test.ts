import { describe, expect, it } from 'vitest';
import { gradeForPoints } from './grade-for-points.ts';

const thresholds = { A: 70, B: 50, C: 30 };

describe('gradeForPoints', () => {
  it('gives the grade whose threshold is met exactly', () => {
    expect(gradeForPoints(70, thresholds)).toBe('A');
    expect(gradeForPoints(50, thresholds)).toBe('B');
    expect(gradeForPoints(30, thresholds)).toBe('C');
  });
  it('gives the next grade down just below a threshold', () => {
    expect(gradeForPoints(69.9, thresholds)).toBe('B');
    expect(gradeForPoints(49, thresholds)).toBe('C');
    expect(gradeForPoints(29.99, thresholds)).toBe('D');
    expect(gradeForPoints(-40, thresholds)).toBe('D');
  });
});
