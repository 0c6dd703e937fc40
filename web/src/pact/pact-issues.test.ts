import { describe, expect, it } from 'vitest';
import { issuePathLabel, issueSentence, issuesAt, issuesExactlyAt } from './pact-issues.ts';

const issues = [
  { path: 'grading.thresholds', message: 'thresholds must fall strictly: A > B > C' },
  { path: 'grading.thresholds.A', message: 'expected a number' },
  { path: 'fitRules.1.points', message: 'at most 100' },
  { path: 'fitRules.10.points', message: 'at most 100' },
];

describe('draft issues', () => {
  it('finds the issues at a field or inside it, never at a sibling that shares a prefix', () => {
    expect(issuesAt(issues, 'grading.thresholds.A').map((issue) => issue.message)).toEqual(['expected a number']);
    expect(issuesAt(issues, 'grading.thresholds')).toHaveLength(2);
    expect(issuesAt(issues, 'fitRules.1').map((issue) => issue.path)).toEqual(['fitRules.1.points']);
    expect(issuesExactlyAt(issues, 'grading.thresholds').map((issue) => issue.message)).toEqual(['thresholds must fall strictly: A > B > C']);
  });

  it('reads as sentences with a path a person can find', () => {
    expect(issueSentence('expected a number')).toBe('Expected a number.');
    expect(issueSentence('Done!')).toBe('Done!');
    expect(issuePathLabel('(document)')).toBe('document');
    expect(issuePathLabel('fitRules.1.points')).toBe('fitRules.1.points');
  });
});
