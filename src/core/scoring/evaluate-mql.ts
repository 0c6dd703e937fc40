import { touchTypes, type MqlDefinition, type TouchType } from '../pact/pact-schema.ts';
import { evaluateAll } from '../rules/evaluate-condition.ts';
import type { LeadFacts } from '../rules/lead-facts.ts';
import type { LeadScore } from './score-lead.ts';

export interface MqlVerdict {
  isMql: boolean;
  /** Label of the first clause that holds, or null when none does. */
  clause: string | null;
}

/**
 * Whether the lead is marketing qualified: the first clause of `mql.anyOf` (in pact order) whose
 * conditions all hold decides, and its label is returned. The facts must already carry the score and
 * touch facts (see `factsWithScore`); without them every clause on `score.*` or `touch.*` fails.
 */
export function evaluateMql(options: { facts: LeadFacts; mql: MqlDefinition }): MqlVerdict {
  const { facts, mql } = options;
  const clause = mql.anyOf.find((candidate) => evaluateAll(candidate.when, facts));
  return clause ? { isMql: true, clause: clause.label } : { isMql: false, clause: null };
}

/**
 * A copy of the facts with `score` (grade, fit, engagement, total) and `touch` (hand_raiser, types)
 * filled in, so MQL clauses can test `score.grade`, `score.engagement`, `touch.hand_raiser` and
 * `touch.types`. `types` lists each touch type once, in the pact's canonical touch-type order, so the
 * result does not depend on the order the touches arrived in. Never mutates `facts`.
 */
export function factsWithScore(facts: LeadFacts, score: LeadScore, leadTouchTypes: readonly TouchType[]): LeadFacts {
  const present = new Set<string>(leadTouchTypes);
  return {
    ...facts,
    score: { grade: score.grade, fit: score.fit, engagement: score.engagement, total: score.total },
    touch: { hand_raiser: score.handRaiser, types: touchTypes.filter((type) => present.has(type)) },
  };
}
