import { describe, expect, it } from 'vitest';
import { parseInboxSearch } from './inbox-search.ts';

describe('parseInboxSearch', () => {
  it('keeps known filters', () => {
    expect(parseInboxSearch({ view: 'closed', grade: 'A', source: 'Webinar', q: 'acme' })).toEqual({ view: 'closed', grade: 'A', source: 'Webinar', q: 'acme' });
  });

  it('drops unknown or malformed values and the default view', () => {
    expect(parseInboxSearch({ view: 'to-work', grade: 'E', source: '  ', q: 42, other: 'x' })).toEqual({});
    expect(parseInboxSearch({ view: 'constructor' })).toEqual({});
  });
});
