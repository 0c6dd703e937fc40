import { describe, expect, it } from 'vitest';
import type { Grade } from '../pact/pact-schema.ts';
import { compareGrades, gradeAtLeast } from './grade-order.ts';

describe('compareGrades', () => {
  it('sorts best grade first', () => {
    const sorted: Grade[] = ['C', 'A', 'D', 'B', 'A'];
    expect(sorted.sort(compareGrades)).toEqual(['A', 'A', 'B', 'C', 'D']);
  });
  it('is negative when the first grade is better, zero when equal', () => {
    expect(compareGrades('A', 'B')).toBeLessThan(0);
    expect(compareGrades('D', 'C')).toBeGreaterThan(0);
    expect(compareGrades('B', 'B')).toBe(0);
  });
});

describe('gradeAtLeast', () => {
  it('accepts the floor itself and anything better', () => {
    expect(gradeAtLeast('B', 'B')).toBe(true);
    expect(gradeAtLeast('A', 'C')).toBe(true);
  });
  it('rejects anything worse than the floor', () => {
    expect(gradeAtLeast('C', 'B')).toBe(false);
    expect(gradeAtLeast('D', 'A')).toBe(false);
  });
});
