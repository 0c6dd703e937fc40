import type { components } from '../api/schema.d.ts';

export type LeadSummary = components['schemas']['LeadSummary'];

const gradeRank: Record<string, number> = { A: 0, B: 1, C: 2, D: 3 };
const ungradedRank = 4;

/**
 * The inbox order: grade A first, ungraded last; within a grade, the lead that has waited longest in
 * its stage first (the SLA clock of a stage starts when the lead enters it and every lead of a grade
 * has the same targets, so this is "due first" until the API reports SLA deadlines); then higher
 * score, then id so the order never changes between two loads of the same data.
 */
export function compareInboxLeads(a: LeadSummary, b: LeadSummary): number {
  const byGrade = (a.grade === null ? ungradedRank : (gradeRank[a.grade] ?? ungradedRank)) - (b.grade === null ? ungradedRank : (gradeRank[b.grade] ?? ungradedRank));
  if (byGrade !== 0) return byGrade;
  const byWaiting = Date.parse(a.stageChangedAt) - Date.parse(b.stageChangedAt);
  if (byWaiting !== 0) return byWaiting;
  if (a.score !== b.score) {
    if (a.score === null) return 1;
    if (b.score === null) return -1;
    return b.score - a.score;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A sorted copy; the input is left as it is. */
export function inInboxOrder(leads: readonly LeadSummary[]): LeadSummary[] {
  return [...leads].sort(compareInboxLeads);
}
