import { describe, expect, it } from 'vitest';
import { firstPage, firstRowOf, pageAfter, pageBefore, pagesBeforeFrom } from './cursor-pages.ts';

describe('cursor pages', () => {
  it('walks forward and back through the pages it has seen', () => {
    const second = pageAfter(firstPage, 'c2');
    const third = pageAfter(second, 'c3');
    expect(third).toEqual({ cursor: 'c3', before: [null, 'c2'] });
    expect(pageBefore(third)).toEqual(second);
    expect(pageBefore(second)).toEqual(firstPage);
    expect(pageBefore(firstPage)).toEqual(firstPage);
  });

  it('goes to the first page when the pages before a linked page are unknown', () => {
    expect(pageBefore({ cursor: 'c7', before: [] })).toEqual(firstPage);
    expect(pageAfter({ cursor: 'c7', before: [] }, 'c8')).toEqual({ cursor: 'c8', before: ['c7'] });
  });

  it('numbers the rows only when the pages before are known back to the first', () => {
    expect(firstRowOf(firstPage, 50)).toBe(1);
    expect(firstRowOf(pageAfter(pageAfter(firstPage, 'c2'), 'c3'), 50)).toBe(101);
    expect(firstRowOf({ cursor: 'c7', before: [] }, 50)).toBeNull();
    expect(firstRowOf({ cursor: 'c8', before: ['c7'] }, 50)).toBeNull();
  });

  it('trusts nothing it reads back from history state', () => {
    expect(pagesBeforeFrom([null, 'c2'])).toEqual([null, 'c2']);
    expect(pagesBeforeFrom(undefined)).toEqual([]);
    expect(pagesBeforeFrom('c2')).toEqual([]);
    expect(pagesBeforeFrom([null, 3])).toEqual([]);
    expect(pagesBeforeFrom(['x'.repeat(501)])).toEqual([]);
  });
});
