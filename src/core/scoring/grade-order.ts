import type { Grade } from '../pact/pact-schema.ts';

const rankFromBest: Record<Grade, number> = { A: 0, B: 1, C: 2, D: 3 };

/**
 * Sort comparator over grades, best first: negative when `a` is better than `b`, positive when it is
 * worse, 0 when equal. `['C', 'A', 'D'].sort(compareGrades)` gives `['A', 'C', 'D']`.
 */
export function compareGrades(a: Grade, b: Grade): number {
  return rankFromBest[a] - rankFromBest[b];
}

/** True when `grade` is `floor` or better (A is best): `gradeAtLeast('B', 'C')` is true. */
export function gradeAtLeast(grade: Grade, floor: Grade): boolean {
  return rankFromBest[grade] <= rankFromBest[floor];
}
