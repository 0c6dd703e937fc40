import { stageLabels } from '../ui/badge.tsx';
import type { LeadEvent, LeadTouch } from './lead-detail.ts';

export type TimelineEntry = { kind: 'touch'; key: string; at: string; touch: LeadTouch } | { kind: 'event'; key: string; at: string; event: LeadEvent };

/**
 * Touches and events (both oldest first from the API) as one timeline, newest first. At the same
 * instant an event comes before a touch — a capture writes the touch, then the stage changes and
 * the assignment it caused — and events keep their recorded order reversed, so the newest-first
 * reading tells the story backwards without shuffling it.
 */
export function timelineOf(touches: readonly LeadTouch[], events: readonly LeadEvent[]): TimelineEntry[] {
  const entries: (TimelineEntry & { time: number; rank: number; order: number })[] = [
    ...touches.map((touch, order) => ({ kind: 'touch' as const, key: `touch-${touch.id}`, at: touch.occurredAt, touch, time: Date.parse(touch.occurredAt), rank: 0, order })),
    ...events.map((event, order) => ({ kind: 'event' as const, key: `event-${event.id}`, at: event.at, event, time: Date.parse(event.at), rank: 1, order })),
  ];
  entries.sort((a, b) => b.time - a.time || b.rank - a.rank || b.order - a.order);
  return entries.map(({ time: _time, rank: _rank, order: _order, ...entry }) => entry as TimelineEntry);
}

const touchLabels: Record<LeadTouch['type'], string> = {
  form_fill: 'Form filled in',
  demo_request: 'Demo requested',
  contact_request: 'Asked to be contacted',
  trial_signup: 'Signed up for a trial',
  webinar: 'Attended a webinar',
  event: 'Met at an event',
  content_download: 'Downloaded content',
  email_open: 'Opened an e-mail',
  email_click: 'Clicked an e-mail',
  visit: 'Visited the website',
  chat: 'Chatted',
  import: 'Imported',
};

/** What a touch reads as on the timeline ("Demo requested"). */
export function touchTitle(touch: Pick<LeadTouch, 'type'>): string {
  return touchLabels[touch.type] ?? touch.type;
}

/** Where a touch came from, as one line: campaign, source and channel when known. */
export function touchOrigin(touch: Pick<LeadTouch, 'campaignName' | 'source' | 'channel'>): string | null {
  const parts = [touch.campaignName, touch.source, touch.channel?.replaceAll('_', ' ')].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? [...new Set(parts)].join(' · ') : null;
}

/** What an event reads as on the timeline ("MQL → SAL", "Assigned", "Rescored: grade C → B"). */
export function eventTitle(event: Pick<LeadEvent, 'type' | 'fromStage' | 'toStage' | 'detail'>): string {
  switch (event.type) {
    case 'stage_change':
      if (event.toStage === null) return 'Stage changed';
      return event.fromStage === null ? `Captured as ${stageLabels[event.toStage]}` : `${stageLabels[event.fromStage]} → ${stageLabels[event.toStage]}`;
    case 'assignment':
      if (event.detail?.manual) return event.detail.ownerId ? (event.detail.ownerName ? `Reassigned to ${event.detail.ownerName}` : 'Reassigned') : 'Unassigned';
      return event.detail?.ownerId === null ? 'Routing found no owner' : 'Assigned by routing';
    case 'merged':
      return 'Merged';
    case 'duplicate_flagged':
      return 'Flagged as a likely duplicate';
    case 'rescored': {
      const from = event.detail?.fromGrade;
      const to = event.detail?.toGrade;
      return from !== undefined && to !== undefined && from !== to ? `Rescored: grade ${from ?? '–'} → ${to ?? '–'}` : 'Rescored';
    }
    case 'updated':
      return 'Details corrected';
  }
}

/**
 * The line under an event's title. A change a person made carries their own words (`note`; null when
 * they gave none): the title says what changed and the byline who, so the full `reason` ("Moved to
 * sal by … : words") would only repeat them. Other events (routing, capture, rescoring) show it.
 */
export function eventReasonText(event: Pick<LeadEvent, 'reason' | 'detail'>): string | null {
  if (event.detail && 'note' in event.detail && event.detail.note !== undefined) return event.detail.note;
  return event.reason;
}

/** The other lead an event is about (the flagged duplicate, the lead merged in or merged into), to link to; null for other events. */
export function relatedLeadOf(event: Pick<LeadEvent, 'type' | 'detail'>, leadId: string): string | null {
  if (event.type === 'duplicate_flagged') return event.detail?.otherLeadId ?? null;
  if (event.type === 'merged') {
    const { survivorId, mergedId } = event.detail ?? {};
    return (survivorId === leadId ? mergedId : survivorId) ?? null;
  }
  return null;
}
