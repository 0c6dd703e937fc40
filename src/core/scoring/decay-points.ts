/**
 * What a touch is worth after `ageDays`: `points · 0.5^(ageDays / halfLifeDays)`, so a touch exactly
 * one half-life old is worth half its points. A touch dated in the future (negative age, e.g. clock
 * skew between the source and us) counts as brand new rather than as worth more than its points.
 * Never returns NaN: a non-finite age or a half-life that is not a positive number is a caller bug
 * and throws a RangeError.
 */
export function decayedPoints(points: number, ageDays: number, halfLifeDays: number): number {
  if (!Number.isFinite(ageDays)) throw new RangeError(`touch age must be a finite number of days, got ${ageDays}`);
  if (!(halfLifeDays > 0) || !Number.isFinite(halfLifeDays)) {
    throw new RangeError(`half-life must be a positive number of days, got ${halfLifeDays}`);
  }
  const age = Math.max(0, ageDays);
  return points * 0.5 ** (age / halfLifeDays);
}
