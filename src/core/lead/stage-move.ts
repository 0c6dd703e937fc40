import { openStages, type LifecycleStage } from '../pact/pact-schema.ts';

/**
 * How a hand-made stage change relates to the demand waterfall:
 * - `step`: the next stage along inquiry → mql → sal → sql → won | lost, or an open lead leaving
 *   through a side exit (disqualified with a disposition, recycled with a date) — what sales does
 *   every day;
 * - `jump`: any other move between lifecycle stages (skipping stages, going back, reopening a
 *   closed lead) — a correction only revenue operations may make;
 * - `invalid`: not a move at all (the same stage), or one with its own door (junk: mark junk;
 *   out of junk: restore).
 */
export type StageMove = { kind: 'step' } | { kind: 'jump' } | { kind: 'invalid'; reason: string };

const nextOnWaterfall: Partial<Record<LifecycleStage, readonly LifecycleStage[]>> = {
  inquiry: ['mql'],
  mql: ['sal'],
  sal: ['sql'],
  sql: ['won', 'lost'],
};
const sideExits: readonly LifecycleStage[] = ['disqualified', 'recycled'];

export function classifyStageMove(from: LifecycleStage, to: LifecycleStage): StageMove {
  if (from === to) return { kind: 'invalid', reason: `the lead is already ${to}` };
  if (to === 'junk') return { kind: 'invalid', reason: 'mark a lead as junk with POST /api/leads/{id}/junk (it keeps its reason)' };
  if (from === 'junk') return { kind: 'invalid', reason: 'take a lead out of junk with POST /api/leads/{id}/restore' };
  if (nextOnWaterfall[from]?.includes(to)) return { kind: 'step' };
  if (openStages.includes(from) && sideExits.includes(to)) return { kind: 'step' };
  return { kind: 'jump' };
}

/** Whether a lead in this stage counts against its owner's capacity (users.open_lead_count). */
export function isOpenStage(stage: LifecycleStage): boolean {
  return openStages.includes(stage);
}
