import { detectJunk } from '../junk/detect-junk.ts';
import type { LifecycleStage, PactDocument, TouchType } from '../pact/pact-schema.ts';
import type { LeadFacts } from '../rules/lead-facts.ts';
import { evaluateMql, factsWithScore, type MqlVerdict } from '../scoring/evaluate-mql.ts';
import { scoreLead, type LeadScore, type TouchForScoring } from '../scoring/score-lead.ts';

export interface LeadAssessment {
  junk: { code: string; reason: string } | null;
  score: LeadScore;
  mql: MqlVerdict;
}

/**
 * Everything the pact says about one lead at `now`: whether it is junk, its score and grade with
 * the explanation, and whether it is an MQL. Junk leads are scored too (the numbers help whoever
 * reviews the junk), but are never MQLs.
 */
export function assessLead(options: {
  facts: LeadFacts;
  touches: readonly TouchForScoring[];
  pact: PactDocument;
  now: Date;
  /** Junk rules apply at capture; an existing lead is not re-junked by a later touch or pact. */
  checkJunk: boolean;
}): LeadAssessment {
  const { facts, touches, pact, now } = options;
  const junk = options.checkJunk ? detectJunk(facts, pact.junk) : null;
  const score = scoreLead({ facts, touches, pact, now });
  const touchTypes = touches.map((touch) => touch.type as TouchType);
  const mql = junk ? { isMql: false, clause: null } : evaluateMql({ facts: factsWithScore(facts, score, touchTypes), mql: pact.mql });
  return { junk, score, mql };
}

/**
 * The stage a lead moves to after an assessment. New leads become junk, mql or inquiry. An existing
 * inquiry becomes an MQL when it now qualifies; a recycled lead does so only once its recycle date
 * has passed. Nothing is ever demoted automatically: sales-owned stages, junk and existing MQLs
 * keep their stage (a lost MQL is reported, not reverted — its owner is already working it).
 */
export function nextStage(options: {
  current: LifecycleStage | null;
  assessment: LeadAssessment;
  recycleUntil: Date | null;
  now: Date;
}): LifecycleStage {
  const { current, assessment, recycleUntil, now } = options;
  if (current === null) {
    if (assessment.junk) return 'junk';
    return assessment.mql.isMql ? 'mql' : 'inquiry';
  }
  if (current === 'inquiry' && assessment.mql.isMql) return 'mql';
  if (current === 'recycled' && assessment.mql.isMql && (recycleUntil === null || recycleUntil.getTime() <= now.getTime())) return 'mql';
  return current;
}
