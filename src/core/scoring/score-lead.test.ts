import { describe, expect, it } from 'vitest';
import type { PactDocument, TouchType } from '../pact/pact-schema.ts';
import type { LeadFacts } from '../rules/lead-facts.ts';
import { scoreLead, type TouchForScoring } from './score-lead.ts';

type ScoringPact = Pick<PactDocument, 'fitRules' | 'engagementRules' | 'grading'>;

const pact: ScoringPact = {
  fitRules: [
    { id: 'senior-title', label: 'VP or C-level title', when: [{ field: 'lead.title', op: 'contains_any', value: ['vp', 'chief'] }], points: 30 },
    { id: 'big-company', label: '200+ employees', when: [{ field: 'lead.employees', op: 'gte', value: 200 }], points: 25 },
    { id: 'dach', label: 'DACH country', when: [{ field: 'lead.country', op: 'in', value: ['DE', 'AT', 'CH'] }], points: 15 },
    { id: 'free-mail', label: 'Free mail address', when: [{ field: 'email.kind', op: 'eq', value: 'free' }], points: -20 },
    { id: 'student', label: 'Student', when: [{ field: 'lead.title', op: 'contains', value: 'student' }], points: -50 },
  ],
  engagementRules: [
    { id: 'demo', label: 'Demo request', touchType: 'demo_request', points: 40, halfLifeDays: 30, handRaiser: true, maxCount: 1 },
    { id: 'webinar', label: 'Webinar attended', touchType: 'webinar', points: 15, halfLifeDays: 14, handRaiser: false },
    { id: 'email-click', label: 'Email click', touchType: 'email_click', points: 5, halfLifeDays: 7, handRaiser: false, maxCount: 3 },
  ],
  grading: { basis: 'fit', thresholds: { A: 60, B: 40, C: 20 }, fitRange: [0, 100] },
};

const now = new Date('2026-03-01T12:00:00.000Z');
const dayMs = 86_400_000;

function touch(type: TouchType, daysAgo: number): TouchForScoring {
  return { type, occurredAt: new Date(now.getTime() - daysAgo * dayMs) };
}

function facts(lead: LeadFacts['lead'], emailKind: LeadFacts['email']['kind'] = 'business'): LeadFacts {
  return {
    lead,
    account: null,
    email: { domain: 'acme.com', kind: emailKind },
    phone: { valid: true },
    name: { keyboard_mash: false, test: false },
  };
}

const vpAtBigGermanCompany = facts({ title: 'VP Sales', employees: 250, country: 'DE' });

describe('scoreLead', () => {
  it('adds the points of every fit rule that holds', () => {
    const score = scoreLead({ facts: vpAtBigGermanCompany, touches: [], pact, now });
    expect(score.fit).toBe(70);
    expect(score.engagement).toBe(0);
    expect(score.total).toBe(70);
    expect(score.grade).toBe('A');
    expect(score.handRaiser).toBe(false);
  });

  it('computes engagement by hand: decay, maxCount newest first, unknown types ignored', () => {
    const touches = [
      touch('demo_request', 60), // beyond maxCount 1: the newer demo counts
      touch('demo_request', 30), // 40 · 0.5 = 20
      touch('webinar', 14), // 15 · 0.5 = 7.5
      touch('email_click', 21), // fourth newest click: not counted
      touch('email_click', 0), // 5
      touch('email_click', 14), // 1.25
      touch('email_click', 7), // 2.5
      touch('visit', 1), // no rule: nothing
    ];
    const score = scoreLead({ facts: vpAtBigGermanCompany, touches, pact, now });
    // 20 + 7.5 + 8.75 = 36.25 → 36.3
    expect(score.engagement).toBe(36.3);
    expect(score.total).toBe(106);
    expect(score.handRaiser).toBe(true);
    expect(score.explanation.engagement).toEqual([
      { ruleId: 'demo', label: 'Demo request', touchType: 'demo_request', touches: 2, counted: 1, rawPoints: 40, decayedPoints: 20, halfLifeDays: 30 },
      { ruleId: 'webinar', label: 'Webinar attended', touchType: 'webinar', touches: 1, counted: 1, rawPoints: 15, decayedPoints: 7.5, halfLifeDays: 14 },
      { ruleId: 'email-click', label: 'Email click', touchType: 'email_click', touches: 4, counted: 3, rawPoints: 15, decayedPoints: 8.75, halfLifeDays: 7 },
    ]);
  });

  it('lists fired fit rules in pact order with their points, and nothing else', () => {
    const score = scoreLead({ facts: vpAtBigGermanCompany, touches: [touch('visit', 0)], pact, now });
    expect(score.explanation.fit).toEqual([
      { ruleId: 'senior-title', label: 'VP or C-level title', points: 30 },
      { ruleId: 'big-company', label: '200+ employees', points: 25 },
      { ruleId: 'dach', label: 'DACH country', points: 15 },
    ]);
    expect(score.explanation.engagement).toEqual([]);
    expect(score.explanation.scoredAt).toBe('2026-03-01T12:00:00.000Z');
    expect(score.explanation.grade).toEqual({ basis: 'fit', value: 70, thresholds: { A: 60, B: 40, C: 20 }, grade: 'A' });
  });

  it('counts negative fit points and clamps the sum to the fit range', () => {
    const student = facts({ title: 'Student', employees: 5, country: 'US' }, 'free');
    const score = scoreLead({ facts: student, touches: [], pact, now });
    expect(score.explanation.fit.map((c) => [c.ruleId, c.points])).toEqual([
      ['free-mail', -20],
      ['student', -50],
    ]);
    expect(score.explanation.fitRaw).toBe(-70);
    expect(score.explanation.fitClamped).toBe(0);
    expect(score.fit).toBe(0);
    expect(score.grade).toBe('D');
  });

  it('clamps fit at the top of the range before grading', () => {
    const narrow: ScoringPact = { ...pact, grading: { ...pact.grading, fitRange: [0, 50] } };
    const score = scoreLead({ facts: vpAtBigGermanCompany, touches: [], pact: narrow, now });
    expect(score.explanation.fitRaw).toBe(70);
    expect(score.fit).toBe(50);
    expect(score.grade).toBe('B');
  });

  it('grades exactly on each threshold', () => {
    const byFit = (points: number) =>
      scoreLead({
        facts: vpAtBigGermanCompany,
        touches: [],
        pact: { ...pact, fitRules: [{ id: 'x', label: 'x', when: [{ field: 'lead.title', op: 'exists' }], points }] },
        now,
      }).grade;
    expect([byFit(60), byFit(59), byFit(40), byFit(39), byFit(20), byFit(19)]).toEqual(['A', 'B', 'B', 'C', 'C', 'D']);
  });

  it('grades on the rounded total when the basis is total', () => {
    const onTotal: ScoringPact = { ...pact, grading: { basis: 'total', thresholds: { A: 100, B: 80, C: 60 }, fitRange: [0, 100] } };
    const score = scoreLead({ facts: vpAtBigGermanCompany, touches: [touch('demo_request', 30)], pact: onTotal, now });
    expect(score.total).toBe(90);
    expect(score.grade).toBe('B');
    expect(score.explanation.grade).toEqual({ basis: 'total', value: 90, thresholds: { A: 100, B: 80, C: 60 }, grade: 'B' });
  });

  it('counts a touch dated in the future at full value', () => {
    const score = scoreLead({ facts: vpAtBigGermanCompany, touches: [touch('webinar', -3)], pact, now });
    expect(score.engagement).toBe(15);
  });

  it('rounds engagement once, after summing unrounded touch values', () => {
    // Three clicks worth 5·0.5^(1/7) ≈ 4.529 each: rounding each would give 13.5, the sum is 13.586.
    const score = scoreLead({ facts: vpAtBigGermanCompany, touches: [touch('email_click', 1), touch('email_click', 1), touch('email_click', 1)], pact, now });
    expect(score.engagement).toBe(13.6);
  });

  it('marks a hand-raiser even when its touch is old', () => {
    const score = scoreLead({ facts: vpAtBigGermanCompany, touches: [touch('demo_request', 900)], pact, now });
    expect(score.handRaiser).toBe(true);
    expect(score.explanation.handRaiser).toBe(true);
    expect(score.engagement).toBe(0);
  });

  it('does not mutate the touches it is given', () => {
    const touches = [touch('email_click', 9), touch('email_click', 1)];
    const before = touches.map((t) => t.occurredAt.getTime());
    scoreLead({ facts: vpAtBigGermanCompany, touches, pact, now });
    expect(touches.map((t) => t.occurredAt.getTime())).toEqual(before);
  });

  it('rejects an invalid touch date instead of scoring NaN', () => {
    expect(() => scoreLead({ facts: vpAtBigGermanCompany, touches: [{ type: 'webinar', occurredAt: new Date('nope') }], pact, now })).toThrow(RangeError);
  });
});
