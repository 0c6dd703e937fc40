import { describe, expect, it } from 'vitest';
import {
  activeLeadFilterCount,
  createdRangeProblem,
  isDay,
  leadsApiQueryOf,
  leadsCsvHref,
  leadSortOf,
  leadSortParam,
  parseLeadsListSearch,
  withoutLeadFilters,
} from './leads-list-search.ts';

const userId = '0b8e7f1c-1111-4222-8333-444455556666';

describe('leads list view in the URL', () => {
  it('keeps well-formed filters, in the funnel’s and the grades’ order, once each', () => {
    expect(
      parseLeadsListSearch({ stage: 'sal,mql,sal', grade: 'B,A', owner: userId, team: userId, account: userId, source: ' Webinar ', class: 'inside', from: '2026-02-01', to: '2026-02-28', q: ' acme ', sort: '-score', cursor: 'abc' }),
    ).toEqual({ stage: 'mql,sal', grade: 'A,B', owner: userId, team: userId, account: userId, source: 'Webinar', class: 'inside', from: '2026-02-01', to: '2026-02-28', q: 'acme', sort: '-score', cursor: 'abc' });
  });

  it('drops what it does not know, so a hand-edited link never breaks the page', () => {
    expect(parseLeadsListSearch({ stage: 'open,closed', grade: 'E', owner: 'bob', team: 'sales', account: 'acme', class: 'enterprise', from: '2026-02-30', to: 'yesterday', q: '   ', sort: '-email', cursor: '' })).toEqual({});
    expect(parseLeadsListSearch({ stage: ['mql', 'nope'], owner: 'me' })).toEqual({ stage: 'mql', owner: 'me' });
    expect(parseLeadsListSearch({ owner: 'unassigned' })).toEqual({ owner: 'unassigned' });
    // A search of digits arrives parsed as a number from the URL.
    expect(parseLeadsListSearch({ q: 4711 })).toEqual({ q: '4711' });
    expect(parseLeadsListSearch({ q: 'x'.repeat(300) }).q).toHaveLength(200);
  });

  it('leaves the default order (newest first) out of the URL', () => {
    expect(parseLeadsListSearch({ sort: '-created_at' })).toEqual({});
    expect(leadSortOf({})).toEqual({ key: 'created_at', descending: true });
    expect(leadSortOf({ sort: 'grade' })).toEqual({ key: 'grade', descending: false });
    expect(leadSortParam({ key: 'created_at', descending: true })).toBeUndefined();
    expect(leadSortParam({ key: 'created_at', descending: false })).toBe('created_at');
  });

  it('checks calendar days', () => {
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay('26-01-01')).toBe(false);
  });
});

describe('leads list API query', () => {
  it('sends the filters under the API’s names, whole days as local midnights with the last day included', () => {
    expect(leadsApiQueryOf({ stage: 'mql,sal', grade: 'A', owner: 'me', team: userId, account: userId, source: 'Webinar', class: 'field', from: '2026-02-01', to: '2026-02-28', q: 'acme', sort: '-score', cursor: 'ignored' })).toEqual({
      stage: 'mql,sal',
      grade: 'A',
      owner: 'me',
      team: userId,
      account: userId,
      source: 'Webinar',
      class: 'field',
      createdFrom: new Date(2026, 1, 1).toISOString(),
      createdTo: new Date(2026, 2, 1).toISOString(),
      q: 'acme',
      sort: '-score',
    });
    expect(leadsApiQueryOf({})).toEqual({});
  });

  it('exports the same view as CSV, without the page', () => {
    expect(leadsCsvHref({})).toBe('/api/leads.csv');
    const href = new URL(leadsCsvHref({ grade: 'A', stage: 'mql', sort: '-score', cursor: 'c2', q: 'a&b' }), 'http://x');
    expect(href.pathname).toBe('/api/leads.csv');
    expect(Object.fromEntries(href.searchParams)).toEqual({ grade: 'A', stage: 'mql', sort: '-score', q: 'a&b' });
  });

  it('counts and clears the filters, keeping the order', () => {
    expect(activeLeadFilterCount({ grade: 'A', q: 'x', sort: '-score', cursor: 'c' })).toBe(2);
    expect(activeLeadFilterCount({ account: userId })).toBe(1);
    expect(withoutLeadFilters({ account: userId, sort: 'name' })).toEqual({ sort: 'name' });
    expect(withoutLeadFilters({ grade: 'A', q: 'x', sort: '-score', cursor: 'c' })).toEqual({ sort: '-score' });
    expect(withoutLeadFilters({ grade: 'A' })).toEqual({});
  });

  it('says when the created range ends before it starts', () => {
    expect(createdRangeProblem({ from: '2026-03-01', to: '2026-02-01' })).toBe('The last day is before the first day.');
    expect(createdRangeProblem({ from: '2026-03-01', to: '2026-03-01' })).toBeNull();
    expect(createdRangeProblem({ to: '2026-03-01' })).toBeNull();
  });
});
