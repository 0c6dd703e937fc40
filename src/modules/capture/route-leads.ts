import type { AccountClass, PactDocument } from '../../core/pact/pact-schema.ts';
import { applyAssignment } from '../../core/routing/apply-assignment.ts';
import { chooseOwner, type RepState, type RoutingDecision } from '../../core/routing/choose-owner.ts';
import type { LeadFacts } from '../../core/rules/lead-facts.ts';
import type { Db } from '../../db/database.ts';
import { lockTeamReps, saveRepCounters, type RoutableUser } from './routing-reps.repository.ts';

export interface LeadToRoute {
  facts: LeadFacts;
  accountClass: AccountClass;
  accountOwnerId: string | null;
  now: Date;
}

export interface RoutedLead {
  teamId: string | null;
  teamName: string;
  decision: RoutingDecision;
}

function repStateOf(user: RoutableUser): RepState {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    capacity: user.capacity,
    weight: user.weight,
    openLeads: user.open_lead_count,
    roundRobinAssigned: user.round_robin_count,
    awayUntil: user.away_until,
    active: user.active,
  };
}

/** The routing counters of a rep after a batch's decisions, to be written back in the same transaction. */
export interface RepCounters {
  id: string;
  openLeads: number;
  roundRobinAssigned: number;
}

/**
 * Routes leads in the given order. The reps of every team involved (and the account owners) are
 * locked first, so each decision sees the earlier ones — in this batch and in every concurrent
 * capture — and no rep is ever assigned past capacity. Counters are written back before returning.
 */
export async function routeLeads(db: Db, leads: readonly LeadToRoute[], pact: PactDocument): Promise<RoutedLead[]> {
  const { routed, counters } = await decideRouting(db, leads, pact);
  await saveRepCounters(db, counters);
  return routed;
}

/**
 * routeLeads without the write: the reps stay locked and the caller must write `counters` (the
 * touched reps' new routing counters) in the same transaction — capture does it in its one write
 * statement.
 */
export async function decideRouting(db: Db, leads: readonly LeadToRoute[], pact: PactDocument): Promise<{ routed: RoutedLead[]; counters: RepCounters[] }> {
  if (leads.length === 0) return { routed: [], counters: [] };
  const teamNames = [...new Set(leads.map((lead) => pact.routing[lead.accountClass].team))];
  const ownerIds = [...new Set(leads.map((lead) => lead.accountOwnerId).filter((id): id is string => id !== null))];
  const { teams, reps: lockedUsers } = await lockTeamReps(db, teamNames, ownerIds);
  const teamByName = new Map(teams.map((team) => [team.name, team]));
  const states = new Map(lockedUsers.map((user) => [user.id, repStateOf(user)]));
  const allStates = [...states.values()];
  const touched = new Set<string>();

  const routed = leads.map((lead): RoutedLead => {
    const teamName = pact.routing[lead.accountClass].team;
    const team = teamByName.get(teamName);
    if (!team) {
      return {
        teamId: null,
        teamName,
        decision: { ownerId: null, strategy: 'unassigned', territory: null, reason: `the pact routes ${lead.accountClass} leads to team "${teamName}", which does not exist`, skipped: [] },
      };
    }
    const teamReps = lockedUsers.filter((user) => user.team_id === team.id && user.role === 'sales_rep').map((user) => states.get(user.id)!);
    const accountOwner = lead.accountOwnerId ? (states.get(lead.accountOwnerId) ?? null) : null;
    const decision = chooseOwner({ facts: lead.facts, routing: pact.routing[lead.accountClass], teamReps, accountOwner, now: lead.now });
    applyAssignment(allStates, decision);
    if (decision.ownerId) touched.add(decision.ownerId);
    return { teamId: team.id, teamName, decision };
  });

  return { routed, counters: [...touched].map((id) => states.get(id)!) };
}
