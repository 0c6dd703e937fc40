import { stageLabels, type Stage } from '../ui/badge.tsx';
import type { LeadEvent } from './lead-detail.ts';
import type { LeadPermissions } from './lead-permissions.ts';

/**
 * The demand waterfall as the lead page draws and moves it. Mirrors the server's rules
 * (src/core/lead/stage-move.ts): one step along inquiry → mql → sal → sql → won | lost, or out of
 * an open stage to disqualified or recycled; any other move is an admin's correction; junk has its
 * own doors (mark junk, restore).
 */
const nextOnWaterfall: Partial<Record<Stage, readonly Stage[]>> = {
  inquiry: ['mql'],
  mql: ['sal'],
  sal: ['sql'],
  sql: ['won', 'lost'],
};
export const openStages: readonly Stage[] = ['inquiry', 'mql', 'sal', 'sql'];
const waterfall: readonly Stage[] = ['inquiry', 'mql', 'sal', 'sql'];
const sideExits: readonly Stage[] = ['disqualified', 'recycled', 'junk'];

export type StepState = 'done' | 'current' | 'upcoming';

export interface LifecycleStep {
  /** The step's stage; the last step is "won or lost" until the lead closes. */
  stage: Stage | 'closed';
  label: string;
  state: StepState;
}

export interface Lifecycle {
  steps: LifecycleStep[];
  /** The side exit the lead took (disqualified, recycled, junk), drawn beside the waterfall. */
  exit: Stage | null;
}

/**
 * The stepper of a lead in `stage`. A lead that left through a side exit shows the waterfall done
 * up to the stage it left from (`leftFrom`, from its timeline; null when unknown: nothing done).
 */
export function lifecycleOf(stage: Stage, leftFrom: Stage | null): Lifecycle {
  const exit = sideExits.includes(stage) ? stage : null;
  const reached = exit ? leftFrom : stage;
  const reachedIndex = reached === null ? -1 : reached === 'won' || reached === 'lost' ? waterfall.length : waterfall.indexOf(reached);
  const stateOf = (index: number): StepState => {
    if (index < reachedIndex) return 'done';
    if (index === reachedIndex) return exit ? 'done' : 'current';
    return 'upcoming';
  };
  const steps: LifecycleStep[] = waterfall.map((step, index) => ({ stage: step, label: stageLabels[step], state: stateOf(index) }));
  const closedLabel = stage === 'won' || stage === 'lost' ? stageLabels[stage] : reached === 'won' || reached === 'lost' ? stageLabels[reached] : 'Won / Lost';
  steps.push({ stage: stage === 'won' || stage === 'lost' ? stage : 'closed', label: closedLabel, state: stateOf(waterfall.length) });
  return { steps, exit };
}

/** The stage a lead was in before it moved to its current one, from its timeline (oldest first); null if none is recorded. */
export function stageLeftFrom(events: readonly LeadEvent[], current: Stage): Stage | null {
  for (let index = events.length - 1; index >= 0; index -= 1) {
    const event = events[index]!;
    if (event.type === 'stage_change' && event.toStage === current) return event.fromStage;
  }
  return null;
}

export type StageMoveKind = 'advance' | 'disqualify' | 'recycle' | 'correction';

export interface StageMoveChoice {
  to: Stage;
  kind: StageMoveKind;
  /** What the choice reads as in the "Move to" list. */
  label: string;
}

const advanceLabels: Partial<Record<Stage, string>> = {
  mql: 'MQL — marketing qualified',
  sal: 'SAL — accept the lead',
  sql: 'SQL — qualified: an opportunity',
  won: 'Won',
  lost: 'Lost',
};

/**
 * The stage moves the user may make from `stage`, in the order the page lists them: the next step,
 * the side exits, then (admins) every other stage as a correction. Never the current stage nor
 * junk (mark junk is its own action), and nothing out of junk (restore is).
 */
export function stageMoveChoices(stage: Stage, permissions: Pick<LeadPermissions, 'moveStage' | 'correctStage'>): StageMoveChoice[] {
  if (stage === 'junk') return [];
  const choices: StageMoveChoice[] = [];
  if (permissions.moveStage || permissions.correctStage) {
    for (const to of nextOnWaterfall[stage] ?? []) choices.push({ to, kind: 'advance', label: advanceLabels[to] ?? stageLabels[to] });
    if (openStages.includes(stage)) {
      choices.push({ to: 'disqualified', kind: 'disqualify', label: 'Disqualified — with a reason' });
      choices.push({ to: 'recycled', kind: 'recycle', label: 'Recycled — back to nurture' });
    }
  }
  if (permissions.correctStage) {
    const listed = new Set<Stage>([stage, 'junk', ...choices.map((choice) => choice.to)]);
    const all: readonly Stage[] = ['inquiry', 'mql', 'sal', 'sql', 'won', 'lost', 'disqualified', 'recycled'];
    for (const to of all) if (!listed.has(to)) choices.push({ to, kind: to === 'disqualified' ? 'disqualify' : to === 'recycled' ? 'recycle' : 'correction', label: `${stageLabels[to]} (correction)` });
  }
  return choices;
}

/** The button text for a move. */
export function moveButtonLabel(choice: StageMoveChoice | undefined): string {
  if (!choice) return 'Move stage';
  if (choice.kind === 'disqualify') return 'Disqualify';
  if (choice.kind === 'recycle') return 'Recycle';
  if (choice.to === 'sal' && choice.kind === 'advance') return 'Accept lead';
  return `Move to ${stageLabels[choice.to]}`;
}
