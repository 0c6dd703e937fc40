import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareInboxLeads, inInboxOrder, type LeadSummary } from './inbox-order.ts';

function lead(fields: Partial<LeadSummary> & { id: string }): LeadSummary {
  return {
    email: null,
    firstName: null,
    lastName: null,
    title: null,
    company: null,
    country: null,
    source: null,
    stage: 'mql',
    grade: null,
    score: null,
    fitScore: null,
    engagementScore: null,
    accountClass: null,
    ownerId: null,
    ownerName: null,
    accountId: null,
    accountName: null,
    junkReason: null,
    createdAt: '2026-11-01T09:00:00.000Z',
    stageChangedAt: '2026-11-01T09:00:00.000Z',
    ...fields,
  };
}

describe('inbox order', () => {
  it('puts better grades first and ungraded leads last', () => {
    const sorted = inInboxOrder([lead({ id: '1', grade: 'C' }), lead({ id: '2', grade: null }), lead({ id: '3', grade: 'A' }), lead({ id: '4', grade: 'B' })]);
    expect(sorted.map((l) => l.grade)).toEqual(['A', 'B', 'C', null]);
  });

  it('within a grade, puts the lead waiting longest in its stage first, then the higher score', () => {
    const sorted = inInboxOrder([
      lead({ id: 'new', grade: 'B', stageChangedAt: '2026-11-20T09:00:00.000Z', score: 90 }),
      lead({ id: 'old', grade: 'B', stageChangedAt: '2026-11-02T09:00:00.000Z', score: 10 }),
      lead({ id: 'same-time-low', grade: 'B', stageChangedAt: '2026-11-10T09:00:00.000Z', score: 20 }),
      lead({ id: 'same-time-high', grade: 'B', stageChangedAt: '2026-11-10T09:00:00.000Z', score: 70 }),
    ]);
    expect(sorted.map((l) => l.id)).toEqual(['old', 'same-time-high', 'same-time-low', 'new']);
  });

  it('is a total order: sorting any shuffle gives the same list, grades never out of order', () => {
    const leadArbitrary = fc.record({
      id: fc.uuid(),
      grade: fc.constantFrom('A', 'B', 'C', 'D', null),
      score: fc.option(fc.integer({ min: 0, max: 100 })),
      stageChangedAt: fc.integer({ min: 0, max: 10 }).map((day) => new Date(Date.UTC(2026, 10, 1 + day)).toISOString()),
    });
    fc.assert(
      fc.property(fc.uniqueArray(leadArbitrary, { selector: (l) => l.id, maxLength: 30 }), (records) => {
        const leads = records.map((r) => lead(r as Partial<LeadSummary> & { id: string }));
        const once = inInboxOrder(leads);
        expect(inInboxOrder([...leads].reverse())).toEqual(once);
        const ranks = once.map((l) => (l.grade === null ? 4 : 'ABCD'.indexOf(l.grade)));
        expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
        for (let i = 1; i < once.length; i += 1) expect(compareInboxLeads(once[i - 1]!, once[i]!)).toBeLessThanOrEqual(0);
      }),
    );
  });
});
