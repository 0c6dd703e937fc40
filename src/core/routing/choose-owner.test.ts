import { describe, expect, it } from 'vitest';
import type { ClassRouting } from '../pact/pact-schema.ts';
import type { LeadFacts } from '../rules/lead-facts.ts';
import { chooseOwner, type RepState } from './choose-owner.ts';

const now = new Date('2026-06-15T09:00:00.000Z');

function rep(id: string, name: string, state: Partial<RepState> = {}): RepState {
  return {
    id,
    email: `${id}@leadpact.io`,
    name,
    capacity: 20,
    weight: 1,
    openLeads: 0,
    roundRobinAssigned: 0,
    awayUntil: null,
    active: true,
    ...state,
  };
}

const dana = rep('dana', 'Dana Reyes', { openLeads: 7 });
const max = rep('max', 'Max Mustermann', { openLeads: 4, roundRobinAssigned: 3 });
const erika = rep('erika', 'Erika Musterfrau', { openLeads: 9, roundRobinAssigned: 5 });
const team: readonly RepState[] = [dana, max, erika];

const routing: ClassRouting = {
  team: 'Inside Sales',
  strategy: ['account_owner', 'territory', 'round_robin'],
  territories: [
    {
      name: 'DACH',
      when: [{ field: 'lead.country', op: 'in', value: ['DE', 'AT', 'CH'] }],
      reps: ['MAX@leadpact.io', 'erika@leadpact.io', 'ghost@elsewhere.io'],
    },
    { name: 'Nordics', when: [{ field: 'lead.country', op: 'in', value: ['SE', 'NO', 'DK', 'FI'] }], reps: ['dana@leadpact.io'] },
  ],
};

function facts(country: string | null, account: LeadFacts['account'] = { name: 'Acme', ownerEmail: 'dana@leadpact.io' }): LeadFacts {
  return { lead: { country, company: 'Acme GmbH' }, account, email: { domain: 'acme.com', kind: 'business' }, phone: { valid: true }, name: { keyboard_mash: false, test: false } };
}

const awayUntilDecember = new Date('2026-12-01T00:00:00.000Z');

describe('chooseOwner: account owner', () => {
  it('gives the lead to an available account owner', () => {
    expect(chooseOwner({ facts: facts('DE'), routing, teamReps: team, accountOwner: dana, now })).toEqual({
      ownerId: 'dana',
      strategy: 'account_owner',
      territory: null,
      reason: 'Account owner Dana Reyes (dana@leadpact.io) owns Acme',
      skipped: [],
    });
  });

  it('gives the lead to an account owner outside the team', () => {
    const outsider = rep('olga', 'Olga Field', { email: 'olga@leadpact.io' });
    const decision = chooseOwner({ facts: facts('DE'), routing, teamReps: team, accountOwner: outsider, now });
    expect(decision.ownerId).toBe('olga');
    expect(decision.strategy).toBe('account_owner');
  });

  it('passes over an owner who is away and says until when', () => {
    const away = { ...dana, awayUntil: awayUntilDecember };
    const decision = chooseOwner({ facts: facts('US'), routing, teamReps: [away, max, erika], accountOwner: away, now });
    expect(decision.strategy).toBe('round_robin');
    expect(decision.ownerId).toBe('max');
    expect(decision.reason).toBe(
      'Account owner Dana Reyes is away until 2026-12-01; no territory matches; weighted round-robin among 2 reps available in Inside Sales picked Max Mustermann (4/20 open)',
    );
    expect(decision.skipped).toEqual([{ repId: 'dana', email: 'dana@leadpact.io', why: 'away' }]);
  });

  it('shows the time of day when an absence does not end at midnight UTC', () => {
    const away = { ...dana, awayUntil: new Date('2026-06-15T13:30:00.000Z') };
    const decision = chooseOwner({ facts: facts('US'), routing, teamReps: team, accountOwner: away, now });
    expect(decision.reason).toMatch(/^Account owner Dana Reyes is away until 2026-06-15 13:30 UTC; /);
  });

  it('gives the lead to an owner whose absence has ended', () => {
    const back = { ...dana, awayUntil: new Date('2026-06-01T00:00:00.000Z') };
    expect(chooseOwner({ facts: facts('US'), routing, teamReps: team, accountOwner: back, now }).ownerId).toBe('dana');
  });

  it('passes over an inactive owner and one at capacity', () => {
    const inactive = chooseOwner({ facts: facts('US'), routing, teamReps: team, accountOwner: { ...dana, active: false }, now });
    expect(inactive.reason).toMatch(/^Account owner Dana Reyes is inactive; /);
    expect(inactive.skipped[0]).toEqual({ repId: 'dana', email: 'dana@leadpact.io', why: 'inactive' });

    const full = chooseOwner({ facts: facts('US'), routing, teamReps: team, accountOwner: { ...dana, openLeads: 20 }, now });
    expect(full.reason).toMatch(/^Account owner Dana Reyes is at capacity \(20\/20 open\); /);
    expect(full.skipped[0]?.why).toBe('at_capacity');
  });

  it('explains a missing account owner', () => {
    expect(chooseOwner({ facts: facts('US', null), routing, teamReps: team, accountOwner: null, now }).reason).toMatch(/^No account matched, so no account owner; /);
    expect(chooseOwner({ facts: facts('US', { name: 'Acme' }), routing, teamReps: team, accountOwner: null, now }).reason).toMatch(/^Acme has no owner; /);
    expect(chooseOwner({ facts: facts('US'), routing, teamReps: team, accountOwner: null, now }).reason).toMatch(/^Account owner dana@leadpact.io is not a known rep; /);
  });
});

describe('chooseOwner: territory', () => {
  const territoryFirst: ClassRouting = { ...routing, strategy: ['territory', 'round_robin'] };

  it('round-robins among the territory reps in the team, matching e-mails ignoring case', () => {
    expect(chooseOwner({ facts: facts('DE'), routing: territoryFirst, teamReps: team, accountOwner: null, now })).toEqual({
      ownerId: 'max',
      strategy: 'territory',
      territory: 'DACH',
      reason: 'Territory DACH: round-robin among 2 reps, picked Max Mustermann (4/20 open)',
      skipped: [{ repId: null, email: 'ghost@elsewhere.io', why: 'not_in_team' }],
    });
  });

  it('uses the first territory whose conditions hold', () => {
    const decision = chooseOwner({ facts: facts('se'), routing: territoryFirst, teamReps: team, accountOwner: null, now });
    expect(decision).toMatchObject({ ownerId: 'dana', territory: 'Nordics' });
  });

  it('falls back when every territory rep is unavailable, saying why', () => {
    const teamWithMaxAway = [dana, { ...max, awayUntil: awayUntilDecember }, { ...erika, capacity: 0, openLeads: 0 }];
    const decision = chooseOwner({ facts: facts('AT'), routing: territoryFirst, teamReps: teamWithMaxAway, accountOwner: null, now });
    expect(decision.strategy).toBe('round_robin');
    expect(decision.ownerId).toBe('dana');
    expect(decision.territory).toBeNull();
    expect(decision.reason).toBe(
      'Territory DACH has no available rep (1 away, 1 at capacity, 1 not in Inside Sales); weighted round-robin among 1 rep available in Inside Sales picked Dana Reyes (7/20 open)',
    );
    expect(decision.skipped).toEqual([
      { repId: 'max', email: 'max@leadpact.io', why: 'away' },
      { repId: 'erika', email: 'erika@leadpact.io', why: 'at_capacity' },
      { repId: null, email: 'ghost@elsewhere.io', why: 'not_in_team' },
    ]);
  });

  it('says so when the class has no territories', () => {
    const decision = chooseOwner({ facts: facts('DE'), routing: { ...territoryFirst, territories: [] }, teamReps: team, accountOwner: null, now });
    expect(decision.reason).toMatch(/^No territories are defined for Inside Sales; weighted round-robin/);
  });
});

describe('chooseOwner: round-robin and unassigned', () => {
  const roundRobinOnly: ClassRouting = { ...routing, strategy: ['round_robin'] };

  it('honours the strategy order of the pact', () => {
    const decision = chooseOwner({ facts: facts('DE'), routing: { ...routing, strategy: ['round_robin', 'account_owner'] }, teamReps: team, accountOwner: dana, now });
    expect(decision.strategy).toBe('round_robin');
    expect(decision.ownerId).toBe('dana');
    expect(decision.reason).toBe('Weighted round-robin among 3 reps available in Inside Sales picked Dana Reyes (7/20 open)');
  });

  it('never picks a rep with capacity 0', () => {
    const decision = chooseOwner({ facts: facts('DE'), routing: roundRobinOnly, teamReps: [{ ...dana, capacity: 0, openLeads: 0 }, erika], accountOwner: null, now });
    expect(decision.ownerId).toBe('erika');
    expect(decision.skipped).toEqual([{ repId: 'dana', email: 'dana@leadpact.io', why: 'at_capacity' }]);
  });

  it('leaves the lead unassigned when every rep is away or at capacity', () => {
    const teamUnavailable = [
      { ...dana, awayUntil: awayUntilDecember },
      { ...max, openLeads: 20 },
      { ...erika, awayUntil: awayUntilDecember },
    ];
    expect(chooseOwner({ facts: facts('US'), routing, teamReps: teamUnavailable, accountOwner: teamUnavailable[0]!, now })).toEqual({
      ownerId: null,
      strategy: 'unassigned',
      territory: null,
      reason:
        'Account owner Dana Reyes is away until 2026-12-01; no territory matches; all 3 reps of Inside Sales are away or at capacity (2 away, 1 at capacity); lead left unassigned',
      skipped: [
        { repId: 'dana', email: 'dana@leadpact.io', why: 'away' },
        { repId: 'max', email: 'max@leadpact.io', why: 'at_capacity' },
        { repId: 'erika', email: 'erika@leadpact.io', why: 'away' },
      ],
    });
  });

  it('words a single unavailable reason and a one-rep team plainly', () => {
    const allInactive = [dana, max].map((r) => ({ ...r, active: false }));
    expect(chooseOwner({ facts: facts('US'), routing: roundRobinOnly, teamReps: allInactive, accountOwner: null, now }).reason).toBe(
      'All 2 reps of Inside Sales are inactive; lead left unassigned',
    );
    expect(chooseOwner({ facts: facts('US'), routing: roundRobinOnly, teamReps: [{ ...max, openLeads: 20 }], accountOwner: null, now }).reason).toBe(
      'The only rep of Inside Sales is at capacity; lead left unassigned',
    );
    expect(chooseOwner({ facts: facts('US'), routing: roundRobinOnly, teamReps: [], accountOwner: null, now }).reason).toBe('Team Inside Sales has no reps; lead left unassigned');
  });

  it('breaks ties the same way whatever order the team comes in', () => {
    const tied = [rep('r3', 'C'), rep('r1', 'A', { openLeads: 2 }), rep('r2', 'B', { openLeads: 2 }), rep('r4', 'D', { weight: 2, roundRobinAssigned: 1, openLeads: 2 })];
    const orders = [tied, [...tied].reverse(), [tied[2]!, tied[0]!, tied[3]!, tied[1]!]];
    const picks = orders.map((teamReps) => chooseOwner({ facts: facts('US'), routing: roundRobinOnly, teamReps, accountOwner: null, now }).ownerId);
    // all turns equal (1/1 = 2/2); r3 has the lowest load
    expect(picks).toEqual(['r3', 'r3', 'r3']);
    const withoutR3 = orders.map((teamReps) =>
      chooseOwner({ facts: facts('US'), routing: roundRobinOnly, teamReps: teamReps.filter((r) => r.id !== 'r3'), accountOwner: null, now }).ownerId,
    );
    expect(withoutR3).toEqual(['r1', 'r1', 'r1']);
  });

  it('never mutates the reps it is given', () => {
    const snapshot = structuredClone(team);
    chooseOwner({ facts: facts('DE'), routing, teamReps: team, accountOwner: dana, now });
    expect(team).toEqual(snapshot);
  });
});
