import type { Grade, Grading } from '../pact/pact-schema.ts';

/**
 * The grade the pact's thresholds give a number of points: at least A's threshold is A, at least
 * B's is B, at least C's is C, anything lower is D. A value exactly on a threshold gets that grade.
 */
export function gradeForPoints(points: number, thresholds: Grading['thresholds']): Grade {
  if (points >= thresholds.A) return 'A';
  if (points >= thresholds.B) return 'B';
  if (points >= thresholds.C) return 'C';
  return 'D';
}
