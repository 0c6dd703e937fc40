/**
 * What routing needs to know about a rep at the moment a lead is routed: a snapshot of the rep's
 * settings and load, taken (and locked) by the caller. `applyAssignment` updates it in place so a
 * batch of leads routed in sequence sees each earlier decision.
 */
export interface RepState {
  id: string;
  email: string;
  name: string;
  /** Most open leads the rep may hold; 0 takes the rep out of routing. */
  capacity: number;
  /** Share of round-robin relative to teammates (≥ 1; a weight-2 rep gets twice the leads of a weight-1 rep). */
  weight: number;
  openLeads: number;
  /** Leads the rep has received from round-robin (territory or team) so far; drives the rotation. */
  roundRobinAssigned: number;
  /** The rep is away until this instant (exclusive); null when present. */
  awayUntil: Date | null;
  active: boolean;
}

export type Unavailability = 'inactive' | 'away' | 'at_capacity';

/**
 * Why the rep cannot take a lead at `now`, or null when it can. Inactive is reported before away,
 * away before at capacity. A rep whose `awayUntil` is at or before `now` is back.
 */
export function unavailability(rep: RepState, now: Date): Unavailability | null {
  if (!rep.active) return 'inactive';
  if (rep.awayUntil !== null && rep.awayUntil.getTime() > now.getTime()) return 'away';
  if (!(rep.openLeads < rep.capacity)) return 'at_capacity';
  return null;
}
