import { describe, expect, it } from 'vitest';
import { applyAssignment } from './apply-assignment.ts';
import type { RoutingDecision } from './choose-owner.ts';
import type { RepState } from './rep-state.ts';

function reps(): RepState[] {
  return [
    { id: 'a', email: 'a@x.io', name: 'A', capacity: 5, weight: 1, openLeads: 1, roundRobinAssigned: 4, awayUntil: null, active: true },
    { id: 'b', email: 'b@x.io', name: 'B', capacity: 5, weight: 1, openLeads: 2, roundRobinAssigned: 6, awayUntil: null, active: true },
  ];
}

function decision(ownerId: string | null, strategy: RoutingDecision['strategy']): RoutingDecision {
  return { ownerId, strategy, territory: null, reason: '', skipped: [] };
}

describe('applyAssignment', () => {
  it('adds an open lead and a round-robin turn for round-robin and territory picks', () => {
    const state = reps();
    applyAssignment(state, decision('b', 'round_robin'));
    applyAssignment(state, decision('b', 'territory'));
    expect(state[1]).toMatchObject({ openLeads: 4, roundRobinAssigned: 8 });
    expect(state[0]).toMatchObject({ openLeads: 1, roundRobinAssigned: 4 });
  });

  it('adds only an open lead for an account-owner pick', () => {
    const state = reps();
    applyAssignment(state, decision('a', 'account_owner'));
    expect(state[0]).toMatchObject({ openLeads: 2, roundRobinAssigned: 4 });
  });

  it('changes nothing for an unassigned lead', () => {
    const state = reps();
    applyAssignment(state, decision(null, 'unassigned'));
    expect(state).toEqual(reps());
  });

  it('refuses a decision for a rep missing from the snapshot', () => {
    expect(() => applyAssignment(reps(), decision('zz', 'account_owner'))).toThrow(/zz/);
  });
});
