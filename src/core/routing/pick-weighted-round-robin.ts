import type { RepState } from './rep-state.ts';

/**
 * The rep whose turn it is among `candidates` (all assumed available): the smallest
 * `(roundRobinAssigned + 1) / weight`, ties broken by the lowest `openLeads / capacity`, then by the
 * lowest `id` (plain code-unit order, independent of locale). Deterministic and independent of the
 * order of `candidates`; null when there are none. Ratios are compared by cross-multiplying so equal
 * ratios tie exactly instead of by floating-point accident.
 */
export function pickWeightedRoundRobin(candidates: readonly RepState[]): RepState | null {
  let best: RepState | null = null;
  for (const candidate of candidates) {
    if (best === null || comesFirst(candidate, best)) best = candidate;
  }
  return best;
}

function comesFirst(a: RepState, b: RepState): boolean {
  const turn = (a.roundRobinAssigned + 1) * b.weight - (b.roundRobinAssigned + 1) * a.weight;
  if (turn !== 0) return turn < 0;
  const load = a.openLeads * b.capacity - b.openLeads * a.capacity;
  if (load !== 0) return load < 0;
  return a.id < b.id;
}
