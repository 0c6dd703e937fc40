import { describe, expect, it } from 'vitest';
import type { LeadEvent } from './lead-detail.ts';
import { lifecycleOf, moveButtonLabel, stageLeftFrom, stageMoveChoices } from './lead-lifecycle.ts';

const rep = { moveStage: true, correctStage: false };
const admin = { moveStage: true, correctStage: true };
const readOnly = { moveStage: false, correctStage: false };

const stageChange = (id: number, fromStage: LeadEvent['fromStage'], toStage: LeadEvent['toStage']): LeadEvent => ({
  id,
  type: 'stage_change',
  at: '2026-01-01T00:00:00.000Z',
  actor: { type: 'system', id: null, label: 'leadpact' },
  reason: null,
  fromStage,
  toStage,
  detail: null,
});

describe('lifecycleOf', () => {
  it('marks the stages before the current one done and the rest upcoming', () => {
    const { steps, exit } = lifecycleOf('sal', null);
    expect(steps.map((step) => `${step.label}:${step.state}`)).toEqual(['Inquiry:done', 'MQL:done', 'SAL:current', 'SQL:upcoming', 'Won / Lost:upcoming']);
    expect(exit).toBeNull();
  });

  it('names the closing step by the outcome once the lead is won or lost', () => {
    expect(lifecycleOf('lost', null).steps.at(-1)).toEqual({ stage: 'lost', label: 'Lost', state: 'current' });
  });

  it('draws a side exit beside the waterfall, done up to the stage the lead left from', () => {
    const { steps, exit } = lifecycleOf('disqualified', 'sal');
    expect(exit).toBe('disqualified');
    expect(steps.map((step) => step.state)).toEqual(['done', 'done', 'done', 'upcoming', 'upcoming']);
    expect(lifecycleOf('junk', null).steps.every((step) => step.state === 'upcoming')).toBe(true);
  });
});

describe('stageLeftFrom', () => {
  it('finds the stage of the latest move into the current stage', () => {
    const events = [stageChange(1, null, 'inquiry'), stageChange(2, 'inquiry', 'mql'), stageChange(3, 'mql', 'recycled'), stageChange(4, 'recycled', 'mql'), stageChange(5, 'mql', 'recycled')];
    expect(stageLeftFrom(events, 'recycled')).toBe('mql');
    expect(stageLeftFrom(events, 'won')).toBeNull();
  });
});

describe('stageMoveChoices', () => {
  it('offers a rep the next step and the two side exits of an open lead', () => {
    expect(stageMoveChoices('mql', rep).map((choice) => `${choice.to}:${choice.kind}`)).toEqual(['sal:advance', 'disqualified:disqualify', 'recycled:recycle']);
    expect(stageMoveChoices('sql', rep).map((choice) => choice.to)).toEqual(['won', 'lost', 'disqualified', 'recycled']);
  });

  it('offers nothing on a closed or junk lead to a rep, and nothing to a read-only viewer', () => {
    expect(stageMoveChoices('won', rep)).toEqual([]);
    expect(stageMoveChoices('disqualified', rep)).toEqual([]);
    expect(stageMoveChoices('mql', readOnly)).toEqual([]);
  });

  it('adds every other stage but junk as an admin correction, never the current one', () => {
    const choices = stageMoveChoices('mql', admin);
    expect(choices.slice(0, 3).map((choice) => choice.kind)).toEqual(['advance', 'disqualify', 'recycle']);
    expect(choices.filter((choice) => choice.kind === 'correction').map((choice) => choice.to)).toEqual(['inquiry', 'sql', 'won', 'lost']);
    expect(choices.some((choice) => choice.to === 'mql' || choice.to === 'junk')).toBe(false);
    expect(stageMoveChoices('junk', admin)).toEqual([]);
  });

  it('labels the button by what the move does', () => {
    const [accept, disqualify] = stageMoveChoices('mql', rep);
    expect(moveButtonLabel(accept)).toBe('Accept lead');
    expect(moveButtonLabel(disqualify)).toBe('Disqualify');
    expect(moveButtonLabel(stageMoveChoices('sql', rep)[0])).toBe('Move to Won');
  });
});
