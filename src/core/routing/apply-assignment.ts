import type { RoutingDecision } from './choose-owner.ts';
import type { RepState } from './rep-state.ts';

/**
 * Records a routing decision in the in-memory snapshot of reps, so the next lead of the same batch
 * sees it: the chosen rep gets one more open lead, and one more round-robin turn when the lead came
 * through territory or team round-robin (an account owner's lead does not use up a turn).
 * Mutates `reps` in place; does nothing for an unassigned decision. Throws when the chosen rep is
 * not in `reps` — include an account owner from outside the team in the snapshot, or their load
 * would silently go untracked for the rest of the batch.
 */
export function applyAssignment(reps: RepState[], decision: RoutingDecision): void {
  if (decision.ownerId === null) return;
  const rep = reps.find((candidate) => candidate.id === decision.ownerId);
  if (!rep) throw new Error(`rep ${decision.ownerId} chosen by routing is not in the snapshot being updated`);
  rep.openLeads += 1;
  if (decision.strategy === 'territory' || decision.strategy === 'round_robin') rep.roundRobinAssigned += 1;
}
