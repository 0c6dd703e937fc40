import { describe, expect, it } from 'vitest';
import { multiSelectSummary } from './multi-select-summary.ts';

const options = [
  { value: 'mql', label: 'MQL' },
  { value: 'sal', label: 'SAL' },
  { value: 'sql', label: 'SQL' },
];

describe('multi-select summary', () => {
  it('says what is ticked, in the options’ order, and counts beyond two', () => {
    expect(multiSelectSummary(options, [], 'All stages', 'stages')).toBe('All stages');
    expect(multiSelectSummary(options, ['sal', 'mql'], 'All stages', 'stages')).toBe('MQL, SAL');
    expect(multiSelectSummary(options, ['sql', 'sal', 'mql'], 'All stages', 'stages')).toBe('3 stages');
    expect(multiSelectSummary(options, ['won'], 'All stages', 'stages')).toBe('All stages');
  });
});
