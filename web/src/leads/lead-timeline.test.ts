import { describe, expect, it } from 'vitest';
import type { LeadEvent, LeadTouch } from './lead-detail.ts';
import { eventReasonText, eventTitle, relatedLeadOf, timelineOf, touchOrigin, touchTitle } from './lead-timeline.ts';

const touch = (id: string, occurredAt: string, overrides: Partial<LeadTouch> = {}): LeadTouch => ({
  id,
  type: 'demo_request',
  occurredAt,
  source: null,
  channel: null,
  campaignId: null,
  campaignName: null,
  detail: null,
  ...overrides,
});
const event = (id: number, at: string, overrides: Partial<LeadEvent> = {}): LeadEvent => ({
  id,
  type: 'stage_change',
  at,
  actor: { type: 'system', id: null, label: 'leadpact' },
  reason: null,
  fromStage: null,
  toStage: 'inquiry',
  detail: null,
  ...overrides,
});

describe('eventReasonText', () => {
  it('shows a person’s own words (or nothing when they gave none) and the recorded reason of everything else', () => {
    const byHand = { reason: 'Moved to sal by API (robin@example.test): Called, confirmed interest' };
    expect(eventReasonText({ ...byHand, detail: { note: 'Called, confirmed interest' } })).toBe('Called, confirmed interest');
    expect(eventReasonText({ ...byHand, detail: { note: null } })).toBeNull();
    expect(eventReasonText({ reason: 'Routed by round robin', detail: { strategy: 'round_robin' } })).toBe('Routed by round robin');
    expect(eventReasonText({ reason: 'Captured via API', detail: null })).toBe('Captured via API');
  });
});

describe('timelineOf', () => {
  it('mixes touches and events newest first; at one instant the events (in reverse) come before the touch', () => {
    const captured = '2026-01-01T10:00:00.000Z';
    const entries = timelineOf(
      [touch('t1', captured), touch('t2', '2026-01-05T09:00:00.000Z')],
      [event(1, captured), event(2, captured, { fromStage: 'inquiry', toStage: 'mql' }), event(3, captured, { type: 'assignment' }), event(4, '2026-01-06T09:00:00.000Z', { fromStage: 'mql', toStage: 'sal' })],
    );
    expect(entries.map((entry) => entry.key)).toEqual(['event-4', 'touch-t2', 'event-3', 'event-2', 'event-1', 'touch-t1']);
  });

  it('is empty for a lead with no history', () => {
    expect(timelineOf([], [])).toEqual([]);
  });
});

describe('titles', () => {
  it('names stage changes by their stages and captures by the first stage', () => {
    expect(eventTitle(event(1, '', { fromStage: null, toStage: 'inquiry' }))).toBe('Captured as Inquiry');
    expect(eventTitle(event(1, '', { fromStage: 'mql', toStage: 'sal' }))).toBe('MQL → SAL');
  });

  it('tells routing from a person handing the lead over', () => {
    expect(eventTitle(event(1, '', { type: 'assignment', detail: { strategy: 'round_robin', ownerId: 'u1' } }))).toBe('Assigned by routing');
    expect(eventTitle(event(1, '', { type: 'assignment', detail: { manual: true, ownerId: 'u2' } }))).toBe('Reassigned');
    expect(eventTitle(event(1, '', { type: 'assignment', detail: { manual: true, ownerId: 'u2', ownerName: 'Robin Rep' } }))).toBe('Reassigned to Robin Rep');
    expect(eventTitle(event(1, '', { type: 'assignment', detail: { strategy: 'unassigned', ownerId: null } }))).toBe('Routing found no owner');
  });

  it('shows a grade change on a rescore', () => {
    expect(eventTitle(event(1, '', { type: 'rescored', detail: { fromGrade: 'C', toGrade: 'B' } }))).toBe('Rescored: grade C → B');
    expect(eventTitle(event(1, '', { type: 'rescored', detail: null }))).toBe('Rescored');
  });

  it('says what a touch was and where it came from', () => {
    expect(touchTitle({ type: 'visit' })).toBe('Visited the website');
    expect(touchOrigin({ campaignName: 'Q4 Webinar', source: 'Email', channel: 'paid_search' })).toBe('Q4 Webinar · Email · paid search');
    expect(touchOrigin({ campaignName: null, source: null, channel: null })).toBeNull();
  });

  it('links an event to the other lead it is about', () => {
    expect(relatedLeadOf(event(1, '', { type: 'duplicate_flagged', detail: { otherLeadId: 'b' } }), 'a')).toBe('b');
    const merge = event(2, '', { type: 'merged', detail: { survivorId: 'a', mergedId: 'b' } });
    expect(relatedLeadOf(merge, 'a')).toBe('b');
    expect(relatedLeadOf(merge, 'b')).toBe('a');
    expect(relatedLeadOf(event(3, '', { type: 'stage_change' }), 'a')).toBeNull();
  });
});
