import { describe, expect, it } from 'vitest';
import { lifecycleStages } from '../pact/pact-schema.ts';
import { classifyStageMove } from './stage-move.ts';

describe('classifyStageMove', () => {
  it('calls one step along the waterfall, or an open lead’s side exit, a step', () => {
    const steps = lifecycleStages.flatMap((from) => lifecycleStages.filter((to) => classifyStageMove(from, to).kind === 'step').map((to) => `${from}→${to}`));
    expect(steps.sort()).toEqual(
      [
        'inquiry→mql', 'mql→sal', 'sal→sql', 'sql→won', 'sql→lost',
        'inquiry→disqualified', 'inquiry→recycled', 'mql→disqualified', 'mql→recycled',
        'sal→disqualified', 'sal→recycled', 'sql→disqualified', 'sql→recycled',
      ].sort(),
    );
  });

  it('calls skipping, going back and reopening a jump', () => {
    expect(classifyStageMove('inquiry', 'sql').kind).toBe('jump');
    expect(classifyStageMove('sal', 'mql').kind).toBe('jump');
    expect(classifyStageMove('won', 'sql').kind).toBe('jump');
    expect(classifyStageMove('recycled', 'mql').kind).toBe('jump');
    expect(classifyStageMove('disqualified', 'recycled').kind).toBe('jump');
  });

  it('refuses staying put and the junk doors', () => {
    expect(classifyStageMove('mql', 'mql')).toMatchObject({ kind: 'invalid', reason: 'the lead is already mql' });
    expect(classifyStageMove('mql', 'junk')).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('/junk') });
    expect(classifyStageMove('junk', 'inquiry')).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('/restore') });
  });
});
