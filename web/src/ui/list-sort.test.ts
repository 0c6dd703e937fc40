import { describe, expect, it } from 'vitest';
import { ariaSortOf, formatListSort, parseListSort, sortAfterPressing } from './list-sort.ts';

const keys = ['name', 'score'] as const;

describe('list sort', () => {
  it('reads the API form, minus for descending, and refuses unknown keys', () => {
    expect(parseListSort('-score', keys)).toEqual({ key: 'score', descending: true });
    expect(parseListSort('name', keys)).toEqual({ key: 'name', descending: false });
    expect(parseListSort('-email', keys)).toBeNull();
    expect(parseListSort('--score', keys)).toBeNull();
    expect(parseListSort(42, keys)).toBeNull();
    expect(formatListSort({ key: 'score', descending: true })).toBe('-score');
  });

  it('flips the sorted column and starts another in its natural direction', () => {
    expect(sortAfterPressing({ key: 'score', descending: true }, 'score', true)).toEqual({ key: 'score', descending: false });
    expect(sortAfterPressing({ key: 'score', descending: false }, 'score', true)).toEqual({ key: 'score', descending: true });
    expect(sortAfterPressing({ key: 'name', descending: false }, 'score', true)).toEqual({ key: 'score', descending: true });
    expect(sortAfterPressing({ key: 'score', descending: true }, 'name', false)).toEqual({ key: 'name', descending: false });
  });

  it('marks only the sorted column for assistive technology', () => {
    expect(ariaSortOf({ key: 'score', descending: true }, 'score')).toBe('descending');
    expect(ariaSortOf({ key: 'score', descending: false }, 'score')).toBe('ascending');
    expect(ariaSortOf({ key: 'score', descending: false }, 'name')).toBeUndefined();
  });
});
