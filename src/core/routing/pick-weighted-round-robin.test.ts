import { describe, expect, it } from 'vitest';
import { pickWeightedRoundRobin } from './pick-weighted-round-robin.ts';
import type { RepState } from './rep-state.ts';

function rep(id: string, state: Partial<RepState> = {}): RepState {
  return { id, email: `${id}@x.io`, name: id, capacity: 20, weight: 1, openLeads: 0, roundRobinAssigned: 0, awayUntil: null, active: true, ...state };
}

describe('pickWeightedRoundRobin', () => {
  it('returns null for no candidates', () => {
    expect(pickWeightedRoundRobin([])).toBeNull();
  });
  it('picks the smallest (assigned + 1) / weight', () => {
    const picked = pickWeightedRoundRobin([rep('a', { roundRobinAssigned: 2 }), rep('b', { roundRobinAssigned: 3, weight: 2 }), rep('c', { roundRobinAssigned: 1 })]);
    // a: 3, b: 2, c: 2 → tie between b and c on turn; both have 0/20 open; id b < c
    expect(picked?.id).toBe('b');
  });
  it('breaks equal turns by the lowest share of capacity in use', () => {
    const picked = pickWeightedRoundRobin([rep('a', { openLeads: 10, capacity: 20 }), rep('b', { openLeads: 3, capacity: 5 }), rep('c', { openLeads: 4, capacity: 10 })]);
    expect(picked?.id).toBe('c');
  });
  it('treats exactly equal ratios as ties rather than trusting floating point', () => {
    // 1/3 vs 2/6 and 3/10 vs 3/10: ties all the way to the id
    const picked = pickWeightedRoundRobin([rep('z', { weight: 3, roundRobinAssigned: 0, openLeads: 3, capacity: 10 }), rep('y', { weight: 6, roundRobinAssigned: 1, openLeads: 3, capacity: 10 })]);
    expect(picked?.id).toBe('y');
  });
  it('does not depend on candidate order', () => {
    const team = [rep('m'), rep('k'), rep('q', { weight: 2, roundRobinAssigned: 1 })];
    const ids = [team, [...team].reverse(), [team[2]!, team[0]!, team[1]!]].map((order) => pickWeightedRoundRobin(order)?.id);
    expect(ids).toEqual(['k', 'k', 'k']);
  });
});
