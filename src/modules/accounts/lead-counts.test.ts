import { describe, expect, it } from 'vitest';
import { leadCountsOf } from './lead-counts.ts';

describe('leadCountsOf', () => {
  it('fills every stage and totals open and all leads', () => {
    const counts = leadCountsOf({ inquiry: 3, mql: 2, sql: 1, junk: 4, won: 1 });
    expect(counts.total).toBe(11);
    expect(counts.open).toBe(6);
    expect(counts.byStage).toEqual({ inquiry: 3, mql: 2, sal: 0, sql: 1, won: 1, lost: 0, junk: 4, disqualified: 0, recycled: 0 });
  });

  it('gives zeros for an account without leads', () => {
    expect(leadCountsOf(undefined)).toMatchObject({ total: 0, open: 0, byStage: { inquiry: 0, recycled: 0 } });
  });
});
