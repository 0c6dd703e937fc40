import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { touchTypes, type EngagementRule, type FitRule, type Grading, type PactDocument } from '../pact/pact-schema.ts';
import type { LeadFacts } from '../rules/lead-facts.ts';
import { compareGrades } from './grade-order.ts';
import { scoreLead, type TouchForScoring } from './score-lead.ts';

const dayMs = 86_400_000;
const baseTime = Date.UTC(2026, 0, 1);

const leadFacts: fc.Arbitrary<LeadFacts> = fc.record({
  lead: fc.record({
    title: fc.constantFrom('VP Sales', 'Student', 'Engineer', null),
    employees: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
    country: fc.constantFrom('DE', 'US', 'FR', null),
  }),
  account: fc.constant(null),
  email: fc.record({ domain: fc.constant('acme.com'), kind: fc.constantFrom('business' as const, 'free' as const, 'disposable' as const) }),
  phone: fc.record({ valid: fc.boolean() }),
  name: fc.record({ keyboard_mash: fc.boolean(), test: fc.boolean() }),
});

function fitRules(pointsRange: { min: number; max: number }): fc.Arbitrary<FitRule[]> {
  return fc.array(
    fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd'),
      label: fc.constant('rule'),
      when: fc.constantFrom<FitRule['when']>(
        [{ field: 'lead.title', op: 'contains', value: 'vp' }],
        [{ field: 'lead.employees', op: 'gte', value: 200 }],
        [{ field: 'lead.country', op: 'eq', value: 'DE' }],
        [{ field: 'email.kind', op: 'eq', value: 'free' }],
      ),
      points: fc.integer(pointsRange),
    }),
    { maxLength: 6 },
  );
}

function engagementRules(pointsRange: { min: number; max: number }): fc.Arbitrary<EngagementRule[]> {
  return fc.uniqueArray(
    fc.record(
      {
        id: fc.constant('rule'),
        label: fc.constant('rule'),
        touchType: fc.constantFrom(...touchTypes),
        points: fc.integer(pointsRange),
        halfLifeDays: fc.double({ min: 0.5, max: 365, noNaN: true }),
        handRaiser: fc.boolean(),
        maxCount: fc.integer({ min: 1, max: 5 }),
      },
      { requiredKeys: ['id', 'label', 'touchType', 'points', 'halfLifeDays', 'handRaiser'] },
    ),
    { selector: (rule) => rule.touchType, maxLength: 5 },
  );
}

const grading: fc.Arbitrary<Grading> = fc
  .tuple(fc.integer({ min: -50, max: 150 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.constantFrom('fit' as const, 'total' as const))
  .map(([c, gapB, gapA, basis]) => ({ basis, thresholds: { A: c + gapB + gapA, B: c + gapB, C: c }, fitRange: [0, 100] as [number, number] }));

const touches: fc.Arbitrary<TouchForScoring[]> = fc.array(
  fc.record({
    type: fc.constantFrom(...touchTypes),
    occurredAt: fc.integer({ min: -30 * dayMs, max: 400 * dayMs }).map((offset) => new Date(baseTime + offset)),
  }),
  { maxLength: 25 },
);

function pactWith(rules: { fit: FitRule[]; engagement: EngagementRule[]; grading: Grading }): Pick<PactDocument, 'fitRules' | 'engagementRules' | 'grading'> {
  return { fitRules: rules.fit, engagementRules: rules.engagement, grading: rules.grading };
}

describe('scoreLead properties', () => {
  it('is deterministic: scoring the same input twice gives deep-equal results', () => {
    fc.assert(
      fc.property(leadFacts, touches, fitRules({ min: -100, max: 100 }), engagementRules({ min: -100, max: 100 }), grading, fc.integer({ min: 0, max: 500 }), (facts, leadTouches, fit, engagement, grades, nowDay) => {
        const now = new Date(baseTime + nowDay * dayMs);
        const pact = pactWith({ fit, engagement, grading: grades });
        const first = scoreLead({ facts, touches: leadTouches, pact, now });
        const second = scoreLead({ facts, touches: [...leadTouches].reverse(), pact, now });
        expect(second).toEqual(first);
        expect(Object.is(second.engagement, first.engagement)).toBe(true);
      }),
    );
  });

  it('never gives negative engagement when every engagement rule has non-negative points', () => {
    fc.assert(
      fc.property(leadFacts, touches, engagementRules({ min: 0, max: 100 }), grading, fc.integer({ min: -10, max: 2000 }), (facts, leadTouches, engagement, grades, nowDay) => {
        const score = scoreLead({ facts, touches: leadTouches, pact: pactWith({ fit: [], engagement, grading: grades }), now: new Date(baseTime + nowDay * dayMs) });
        expect(score.engagement).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('never lets engagement grow as time passes over the same touches', () => {
    fc.assert(
      fc.property(
        leadFacts,
        touches,
        engagementRules({ min: 0, max: 100 }),
        grading,
        fc.integer({ min: -60 * dayMs, max: 600 * dayMs }),
        fc.integer({ min: 0, max: 200 * dayMs }),
        (facts, leadTouches, engagement, grades, earlierOffset, later) => {
          const pact = pactWith({ fit: [], engagement, grading: grades });
          const earlier = scoreLead({ facts, touches: leadTouches, pact, now: new Date(baseTime + earlierOffset) });
          const laterScore = scoreLead({ facts, touches: leadTouches, pact, now: new Date(baseTime + earlierOffset + later) });
          expect(laterScore.engagement).toBeLessThanOrEqual(earlier.engagement);
        },
      ),
    );
  });

  // A stricter pact (a higher threshold for some grade) may only move leads down: the Pact screen's
  // rescoring summary for "raise A from 60 to 65" must show A→B and nothing going up.
  it('never raises a grade when a grade threshold is raised, whatever the lead, touches and basis', () => {
    fc.assert(
      fc.property(
        leadFacts,
        touches,
        fitRules({ min: -100, max: 100 }),
        engagementRules({ min: 0, max: 100 }),
        grading,
        fc.constantFrom('A' as const, 'B' as const, 'C' as const),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 500 }),
        (facts, leadTouches, fit, engagement, grades, raised, by, nowDay) => {
          const now = new Date(baseTime + nowDay * dayMs);
          const thresholds = { ...grades.thresholds, [raised]: grades.thresholds[raised] + by };
          // Raising one threshold past the next one up would make the thresholds invalid; the pact validator refuses that.
          fc.pre(thresholds.A > thresholds.B && thresholds.B > thresholds.C);
          const before = scoreLead({ facts, touches: leadTouches, pact: pactWith({ fit, engagement, grading: grades }), now });
          const after = scoreLead({ facts, touches: leadTouches, pact: pactWith({ fit, engagement, grading: { ...grades, thresholds } }), now });
          expect(after.total).toBe(before.total);
          expect(compareGrades(after.grade, before.grade)).toBeGreaterThanOrEqual(0);
          if (after.grade !== before.grade) expect([before.grade, after.grade]).toEqual([raised, ({ A: 'B', B: 'C', C: 'D' } as const)[raised]]);
        },
      ),
    );
  });

  it('never gives a worse grade to a lead with more fit points when grading on fit', () => {
    fc.assert(
      fc.property(grading, fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 }), fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 150 })), (grades, x, y, [low, width]) => {
        const onFit: Grading = { ...grades, basis: 'fit', fitRange: [low, low + width] };
        const facts: LeadFacts = { lead: { title: 'VP' }, account: null, email: { domain: null, kind: 'missing' }, phone: { valid: null }, name: { keyboard_mash: false, test: false } };
        const gradeFor = (points: number) =>
          scoreLead({
            facts,
            touches: [],
            pact: pactWith({ fit: [{ id: 'x', label: 'x', when: [{ field: 'lead.title', op: 'exists' }], points }], engagement: [], grading: onFit }),
            now: new Date(baseTime),
          }).grade;
        const [lower, higher] = x <= y ? [x, y] : [y, x];
        expect(compareGrades(gradeFor(higher), gradeFor(lower))).toBeLessThanOrEqual(0);
      }),
    );
  });
});
