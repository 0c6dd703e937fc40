import { describe, expect, it } from 'vitest';
import { leadSortChoices, leadSortOptions } from './leads-list-columns.ts';
import { leadSortKeys } from './leads-list-search.ts';

describe('leads list orders', () => {
  it('offers every order the API sorts by, each both ways, its natural direction first', () => {
    expect(leadSortChoices.map((choice) => choice.key).sort()).toEqual([...leadSortKeys].sort());
    const options = leadSortOptions();
    expect(options).toHaveLength(leadSortKeys.length * 2);
    expect(options.slice(0, 2).map((option) => option.value)).toEqual(['name', '-name']);
    const score = options.findIndex((option) => option.value === '-score');
    expect(options[score]?.label).toBe('Score, highest first');
    expect(options[score + 1]?.value).toBe('score');
    expect(new Set(options.map((option) => option.label)).size).toBe(options.length);
  });
});
