import { describe, expect, it } from 'vitest';
import { commonRuleGroups, fieldInputText, fieldInputValue } from './pact-common-rules.ts';

const document = {
  grading: { basis: 'fit', thresholds: { A: 60, B: 40, C: 20 } },
  mql: {
    anyOf: [
      { label: 'Good fit and engaged', when: [{ field: 'score.grade', op: 'in', value: ['A', 'B'] }, { field: 'score.engagement', op: 'gte', value: 40 }] },
      { label: 'Hand-raiser', when: [{ field: 'touch.hand_raiser', op: 'eq', value: true }] },
    ],
  },
  fitRules: [{ id: 'vp', label: 'VP-level title', points: 20 }],
  engagementRules: [{ id: 'demo', label: 'Demo request', points: 40 }],
  sla: { perGrade: { A: { acceptWithinHours: 2, firstAttemptWithinHours: 4 } } },
  commitments: [{ period: 'quarter', mqlVolume: 1500, mqlToSqlFloor: 0.2 }],
};

describe('common rules of the draft form', () => {
  it('offers the thresholds, the MQL score limits, points, response times and commitments at their paths', () => {
    const groups = commonRuleGroups(document);
    expect(groups.map((group) => group.id)).toEqual(['grades', 'mql', 'fit', 'engagement', 'sla', 'commitments']);
    const byId = Object.fromEntries(groups.map((group) => [group.id, group]));
    expect(byId.grades!.fields.map((field) => [field.key, field.value])).toEqual([
      ['grading.thresholds.A', 60],
      ['grading.thresholds.B', 40],
      ['grading.thresholds.C', 20],
    ]);
    // A limit on a number becomes a field; the list of grades and the hand-raiser flag stay raw.
    expect(byId.mql!.fields).toEqual([
      expect.objectContaining({ key: 'mql.anyOf.0.when.1.value', label: 'Good fit and engaged: engagement score at least', value: 40 }),
    ]);
    expect(byId.fit!.fields[0]).toMatchObject({ key: 'fitRules.0.points', label: 'VP-level title', value: 20 });
    expect(byId.sla!.fields.map((field) => field.key)).toEqual(['sla.perGrade.A.acceptWithinHours', 'sla.perGrade.A.firstAttemptWithinHours']);
    expect(byId.commitments!.fields.map((field) => field.label)).toEqual(['MQLs per quarter to all teams', 'Share becoming SQLs (quarter, all teams)']);
  });

  it('offers only what the document has, whatever it holds', () => {
    expect(commonRuleGroups({ fitRules: 'not a list', grading: null })).toEqual([]);
    expect(commonRuleGroups(null)).toEqual([]);
    expect(commonRuleGroups([1, 2])).toEqual([]);
  });

  it('writes numbers as numbers and anything else as typed, for the server to name', () => {
    expect(fieldInputValue('65')).toBe(65);
    expect(fieldInputValue(' -3.5 ')).toBe(-3.5);
    expect(fieldInputValue('0.25')).toBe(0.25);
    expect(fieldInputValue('sixty')).toBe('sixty');
    expect(fieldInputValue('')).toBe('');
    expect(fieldInputText(60)).toBe('60');
    expect(fieldInputText(undefined)).toBe('');
    expect(fieldInputText(['A'])).toBe('["A"]');
  });
});
