import { describe, expect, it } from 'vitest';
import type { MqlDefinition } from '../pact/pact-schema.ts';
import type { LeadFacts } from '../rules/lead-facts.ts';
import { evaluateMql, factsWithScore } from './evaluate-mql.ts';
import type { LeadScore } from './score-lead.ts';

const mql: MqlDefinition = {
  anyOf: [
    {
      label: 'Grade A or B with engagement 40+',
      when: [
        { field: 'score.grade', op: 'in', value: ['A', 'B'] },
        { field: 'score.engagement', op: 'gte', value: 40 },
      ],
    },
    {
      label: 'Hand-raiser graded C or better',
      when: [
        { field: 'touch.hand_raiser', op: 'eq', value: true },
        { field: 'score.grade', op: 'in', value: ['A', 'B', 'C'] },
      ],
    },
  ],
};

const baseFacts: LeadFacts = {
  lead: { title: 'VP Sales' },
  account: null,
  email: { domain: 'acme.com', kind: 'business' },
  phone: { valid: true },
  name: { keyboard_mash: false, test: false },
};

function score(partial: Pick<LeadScore, 'grade' | 'engagement' | 'handRaiser'> & { fit?: number }): LeadScore {
  const fit = partial.fit ?? 50;
  const total = Math.round(fit + partial.engagement);
  return {
    fit,
    engagement: partial.engagement,
    total,
    grade: partial.grade,
    handRaiser: partial.handRaiser,
    explanation: {
      fit: [],
      engagement: [],
      fitRaw: fit,
      fitClamped: fit,
      grade: { basis: 'fit', value: fit, thresholds: { A: 70, B: 50, C: 30 }, grade: partial.grade },
      handRaiser: partial.handRaiser,
      scoredAt: '2026-03-01T00:00:00.000Z',
    },
  };
}

describe('evaluateMql', () => {
  it('qualifies on the first clause that holds and names it', () => {
    const facts = factsWithScore(baseFacts, score({ grade: 'B', engagement: 40, handRaiser: true }), ['demo_request']);
    expect(evaluateMql({ facts, mql })).toEqual({ isMql: true, clause: 'Grade A or B with engagement 40+' });
  });

  it('falls through to a later clause', () => {
    const facts = factsWithScore(baseFacts, score({ grade: 'C', engagement: 12.5, handRaiser: true }), ['contact_request']);
    expect(evaluateMql({ facts, mql })).toEqual({ isMql: true, clause: 'Hand-raiser graded C or better' });
  });

  it('does not qualify when no clause holds', () => {
    const justBelow = factsWithScore(baseFacts, score({ grade: 'A', engagement: 39.9, handRaiser: false }), ['webinar']);
    expect(evaluateMql({ facts: justBelow, mql })).toEqual({ isMql: false, clause: null });
    const handRaiserGradedD = factsWithScore(baseFacts, score({ grade: 'D', engagement: 80, handRaiser: true }), ['demo_request']);
    expect(evaluateMql({ facts: handRaiserGradedD, mql })).toEqual({ isMql: false, clause: null });
  });

  it('fails score clauses on facts that carry no score', () => {
    expect(evaluateMql({ facts: baseFacts, mql }).isMql).toBe(false);
  });
});

describe('factsWithScore', () => {
  it('fills score and touch facts without touching the original', () => {
    const original = structuredClone(baseFacts);
    const facts = factsWithScore(baseFacts, score({ grade: 'B', engagement: 22.4, handRaiser: false, fit: 55 }), ['visit', 'webinar', 'visit', 'email_click']);
    expect(facts.score).toEqual({ grade: 'B', fit: 55, engagement: 22.4, total: 77 });
    expect(facts.touch).toEqual({ hand_raiser: false, types: ['webinar', 'email_click', 'visit'] });
    expect(facts.lead).toEqual(baseFacts.lead);
    expect(baseFacts).toEqual(original);
  });

  it('lets clauses test the touch types the lead has', () => {
    const facts = factsWithScore(baseFacts, score({ grade: 'C', engagement: 5, handRaiser: false }), ['trial_signup']);
    const trialClause: MqlDefinition = { anyOf: [{ label: 'Trial', when: [{ field: 'touch.types', op: 'contains_any', value: ['trial_signup'] }] }] };
    expect(evaluateMql({ facts, mql: trialClause })).toEqual({ isMql: true, clause: 'Trial' });
  });
});
