import type { ClassRouting } from '../pact/pact-schema.ts';
import { evaluateAll } from '../rules/evaluate-condition.ts';
import type { LeadFacts } from '../rules/lead-facts.ts';
import { pickWeightedRoundRobin } from './pick-weighted-round-robin.ts';
import { unavailability, type RepState, type Unavailability } from './rep-state.ts';

export type { RepState } from './rep-state.ts';

export type SkipReason = Unavailability | 'not_in_team';

export interface SkippedRep {
  /** null when a territory names an e-mail that matches no rep of the team. */
  repId: string | null;
  email: string;
  why: SkipReason;
}

export interface RoutingDecision {
  ownerId: string | null;
  strategy: 'account_owner' | 'territory' | 'round_robin' | 'unassigned';
  /** The territory that assigned the lead (only when strategy is territory). */
  territory: string | null;
  /** Readable sentence for the lead page. */
  reason: string;
  /** Reps passed over and why, each once, in the order they were considered. */
  skipped: SkippedRep[];
}

interface RoutingContext {
  facts: LeadFacts;
  routing: ClassRouting;
  teamReps: readonly RepState[];
  accountOwner: RepState | null;
  now: Date;
  skip: (rep: RepState | null, email: string, why: SkipReason) => void;
}

type StrategyOutcome = { owner: RepState; territory: string | null; sentence: string } | { owner: null; note: string };

/**
 * Picks the owner of a lead by trying the class's strategies in pact order; the first that yields an
 * available rep (active, not away at `now`, fewer open leads than capacity) wins.
 * - account_owner: the account's owner, who may sit outside the team.
 * - territory: the first territory whose conditions hold; weighted round-robin among its reps that
 *   are in the team (matched by e-mail, ignoring case).
 * - round_robin: weighted round-robin among the team's available reps.
 * When none yields a rep the lead stays unassigned (ownerId null) and the reason says why.
 * Pure and deterministic: never mutates the reps (see applyAssignment) and does not depend on the
 * order of `teamReps` for the choice.
 */
export function chooseOwner(options: {
  facts: LeadFacts;
  routing: ClassRouting;
  teamReps: readonly RepState[];
  accountOwner: RepState | null;
  now: Date;
}): RoutingDecision {
  const skipped: SkippedRep[] = [];
  const skippedKeys = new Set<string>();
  const context: RoutingContext = {
    ...options,
    skip: (rep, email, why) => {
      const key = rep ? `id:${rep.id}` : `email:${email.toLowerCase()}`;
      if (skippedKeys.has(key)) return;
      skippedKeys.add(key);
      skipped.push({ repId: rep ? rep.id : null, email, why });
    },
  };

  const notes: string[] = [];
  for (const strategy of new Set(options.routing.strategy)) {
    const outcome =
      strategy === 'account_owner' ? tryAccountOwner(context) : strategy === 'territory' ? tryTerritory(context) : tryRoundRobin(context);
    if (outcome.owner) {
      return {
        ownerId: outcome.owner.id,
        strategy,
        territory: outcome.territory,
        reason: sentence([...notes, outcome.sentence]),
        skipped,
      };
    }
    notes.push(outcome.note);
  }
  return { ownerId: null, strategy: 'unassigned', territory: null, reason: sentence([...notes, 'lead left unassigned']), skipped };
}

function tryAccountOwner(context: RoutingContext): StrategyOutcome {
  const { facts, accountOwner, now } = context;
  const account = facts.account;
  if (!accountOwner) {
    if (!account) return { owner: null, note: 'no account matched, so no account owner' };
    if (account.ownerEmail) return { owner: null, note: `account owner ${account.ownerEmail} is not a known rep` };
    return { owner: null, note: `${accountName(facts)} has no owner` };
  }
  const why = unavailability(accountOwner, now);
  if (why) {
    context.skip(accountOwner, accountOwner.email, why);
    return { owner: null, note: `account owner ${accountOwner.name} ${describeUnavailable(accountOwner, why)}` };
  }
  return { owner: accountOwner, territory: null, sentence: `account owner ${accountOwner.name} (${accountOwner.email}) owns ${accountName(facts)}` };
}

function tryTerritory(context: RoutingContext): StrategyOutcome {
  const { facts, routing, teamReps, now } = context;
  if (routing.territories.length === 0) return { owner: null, note: `no territories are defined for ${routing.team}` };
  const territory = routing.territories.find((candidate) => evaluateAll(candidate.when, facts));
  if (!territory) return { owner: null, note: 'no territory matches' };

  const available: RepState[] = [];
  const unavailableCounts = new Map<SkipReason, number>();
  const seen = new Set<string>();
  for (const email of territory.reps) {
    const wanted = email.trim().toLowerCase();
    if (seen.has(wanted)) continue;
    seen.add(wanted);
    const rep = teamReps.find((candidate) => candidate.email.trim().toLowerCase() === wanted) ?? null;
    const why: SkipReason | null = rep ? unavailability(rep, now) : 'not_in_team';
    if (why) {
      context.skip(rep, rep ? rep.email : email, why);
      unavailableCounts.set(why, (unavailableCounts.get(why) ?? 0) + 1);
    } else if (rep) {
      available.push(rep);
    }
  }

  const owner = pickWeightedRoundRobin(available);
  if (!owner) {
    return { owner: null, note: `territory ${territory.name} has no available rep (${countSummary(unavailableCounts, routing.team)})` };
  }
  return {
    owner,
    territory: territory.name,
    sentence: `territory ${territory.name}: round-robin among ${reps(available.length)}, picked ${owner.name} (${load(owner)})`,
  };
}

function tryRoundRobin(context: RoutingContext): StrategyOutcome {
  const { routing, teamReps, now } = context;
  if (teamReps.length === 0) return { owner: null, note: `team ${routing.team} has no reps` };
  const available: RepState[] = [];
  const unavailableCounts = new Map<SkipReason, number>();
  for (const rep of teamReps) {
    const why = unavailability(rep, now);
    if (why) {
      context.skip(rep, rep.email, why);
      unavailableCounts.set(why, (unavailableCounts.get(why) ?? 0) + 1);
    } else {
      available.push(rep);
    }
  }
  const owner = pickWeightedRoundRobin(available);
  if (!owner) return { owner: null, note: noneAvailable(teamReps.length, routing.team, unavailableCounts) };
  return {
    owner,
    territory: null,
    sentence: `weighted round-robin among ${reps(available.length)} available in ${routing.team} picked ${owner.name} (${load(owner)})`,
  };
}

const reasonWords: Record<SkipReason, string> = { away: 'away', inactive: 'inactive', at_capacity: 'at capacity', not_in_team: 'not in' };
const reasonOrder: readonly SkipReason[] = ['away', 'inactive', 'at_capacity', 'not_in_team'];

/** "all 6 reps of Inside Sales are away or at capacity (4 away, 2 at capacity)" */
function noneAvailable(teamSize: number, team: string, counts: ReadonlyMap<SkipReason, number>): string {
  const present = reasonOrder.filter((why) => counts.has(why));
  const words = present.map((why) => reasonWords[why]);
  const alternatives = words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
  const subject = teamSize === 1 ? `the only rep of ${team} is` : `all ${teamSize} reps of ${team} are`;
  const detail = present.length > 1 ? ` (${countSummary(counts, team)})` : '';
  return `${subject} ${alternatives}${detail}`;
}

/** "2 away, 1 at capacity, 1 not in Inside Sales" */
function countSummary(counts: ReadonlyMap<SkipReason, number>, team: string): string {
  return reasonOrder
    .filter((why) => counts.has(why))
    .map((why) => `${counts.get(why)} ${why === 'not_in_team' ? `not in ${team}` : reasonWords[why]}`)
    .join(', ');
}

function describeUnavailable(rep: RepState, why: Unavailability): string {
  if (why === 'inactive') return 'is inactive';
  if (why === 'at_capacity') return `is at capacity (${load(rep)})`;
  return rep.awayUntil ? `is away until ${formatInstant(rep.awayUntil)}` : 'is away';
}

/** A date alone when the instant is midnight UTC (how away periods are usually entered). */
function formatInstant(instant: Date): string {
  const iso = instant.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function accountName(facts: LeadFacts): string {
  return facts.account?.name || facts.lead.company || facts.account?.domain || 'the account';
}

function load(rep: RepState): string {
  return `${rep.openLeads}/${rep.capacity} open`;
}

function reps(count: number): string {
  return count === 1 ? '1 rep' : `${count} reps`;
}

function sentence(parts: readonly string[]): string {
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
