import { describe, expect, it } from 'vitest';
import { defaultPact } from '../pact/default-pact.ts';
import { stageChangeDetails } from './stage-change-details.ts';

const now = new Date('2026-03-02T10:00:00Z');
const dispositions = defaultPact().dispositions;
const details = (to: 'disqualified' | 'recycled' | 'sal', dispositionCode?: string, recycleUntil?: string) => stageChangeDetails({ to, dispositionCode, recycleUntil, dispositions, now });

describe('stageChangeDetails', () => {
  it('needs a disposition of the pact to disqualify', () => {
    expect(details('disqualified')).toMatchObject({ ok: false, issues: [{ path: 'dispositionCode' }] });
    expect(details('disqualified', 'made_up')).toMatchObject({ ok: false, issues: [{ path: 'dispositionCode', message: expect.stringContaining('wrong_target') }] });
    expect(details('disqualified', 'wrong_target')).toEqual({ ok: true, details: { dispositionCode: 'wrong_target', recycleUntil: null } });
  });

  it('needs a future date to recycle, or takes it from a recycling disposition', () => {
    expect(details('recycled')).toMatchObject({ ok: false, issues: [{ path: 'recycleUntil' }] });
    expect(details('recycled', undefined, '2026-01-01T00:00:00Z')).toMatchObject({ ok: false, issues: [{ path: 'recycleUntil', message: expect.stringContaining('future') }] });
    expect(details('recycled', undefined, '2026-06-01T00:00:00Z')).toEqual({ ok: true, details: { dispositionCode: null, recycleUntil: new Date('2026-06-01T00:00:00Z') } });
    expect(details('recycled', 'no_budget')).toEqual({ ok: true, details: { dispositionCode: 'no_budget', recycleUntil: new Date(now.getTime() + 180 * 86_400_000) } });
    expect(details('recycled', 'wrong_target')).toMatchObject({ ok: false, issues: [{ path: 'recycleUntil' }] });
  });

  it('carries nothing into other stages', () => {
    expect(details('sal')).toEqual({ ok: true, details: { dispositionCode: null, recycleUntil: null } });
  });
});
