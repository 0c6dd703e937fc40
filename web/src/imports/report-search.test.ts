import { describe, expect, it } from 'vitest';
import { pageWindow, parseImportReportSearch } from './report-search.ts';

describe('parseImportReportSearch', () => {
  it('keeps a known outcome and a page after the first; drops anything else', () => {
    expect(parseImportReportSearch({ outcome: 'rejected', page: 3 })).toEqual({ outcome: 'rejected', page: 3 });
    expect(parseImportReportSearch({ outcome: 'rejected', page: '2' })).toEqual({ outcome: 'rejected', page: 2 });
    expect(parseImportReportSearch({ outcome: 'lost', page: 1 })).toEqual({});
    expect(parseImportReportSearch({ outcome: 'unchanged', page: -2 })).toEqual({});
    expect(parseImportReportSearch({ page: 2.5 })).toEqual({});
  });
});

describe('pageWindow', () => {
  it('numbers the rows a page shows and says whether there are pages before and after', () => {
    expect(pageWindow(1, 120, 50)).toEqual({ first: 1, last: 50, hasPrevious: false, hasNext: true, pageCount: 3 });
    expect(pageWindow(3, 120, 50)).toEqual({ first: 101, last: 120, hasPrevious: true, hasNext: false, pageCount: 3 });
    expect(pageWindow(1, 0, 50)).toEqual({ first: 0, last: 0, hasPrevious: false, hasNext: false, pageCount: 1 });
  });

  it('clamps a page past the end to the last page (rows can be filtered down under a bookmarked page)', () => {
    expect(pageWindow(9, 60, 50)).toEqual({ first: 51, last: 60, hasPrevious: true, hasNext: false, pageCount: 2 });
  });
});
