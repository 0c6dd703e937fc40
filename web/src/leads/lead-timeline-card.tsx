import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { timeAgo } from '../inbox/time-ago.ts';
import type { LeadEvent, LeadTouch } from './lead-detail.ts';
import type { Disposition } from './lead-dispositions.ts';
import { eventReasonText, eventTitle, relatedLeadOf, timelineOf, touchOrigin, touchTitle, type TimelineEntry } from './lead-timeline.ts';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
/** Enough to see the latest story at a glance; the rest is one click away. */
const firstShown = 15;
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const skipReasons: Record<string, string> = { inactive: 'inactive', away: 'away', at_capacity: 'at capacity', not_in_team: 'not in the team' };

function When(props: { at: string; now: Date }) {
  return (
    <time dateTime={props.at} title={dateTime.format(new Date(props.at))}>
      {dateTime.format(new Date(props.at))} · {timeAgo(new Date(props.at), props.now)}
      {timeAgo(new Date(props.at), props.now) === 'just now' ? '' : ' ago'}
    </time>
  );
}

interface EntryContext {
  leadId: string;
  /** The list the page was opened from, carried to a linked lead's page. */
  from: string | undefined;
  now: Date;
  dispositions: readonly Disposition[];
}

function EventBody(props: { event: LeadEvent; context: EntryContext }) {
  const { event, context } = props;
  const detail = event.detail;
  const facts: string[] = [];
  if (detail?.dispositionCode) facts.push(`Disposition: ${context.dispositions.find((d) => d.code === detail.dispositionCode)?.label ?? detail.dispositionCode}`);
  if (detail?.recycleUntil) facts.push(`Resurfaces ${date.format(new Date(detail.recycleUntil))}`);
  if (detail?.fields && detail.fields.length > 0) facts.push(`Changed: ${detail.fields.map((field) => field.replaceAll('_', ' ')).join(', ')}`);
  const skipped = event.type === 'assignment' ? (detail?.skipped ?? []) : [];
  const related = relatedLeadOf(event, context.leadId);
  const said = eventReasonText(event);
  return (
    <>
      {said ? <p className="lp-timeline__reason">{said}</p> : null}
      {related ? (
        <p className="lp-timeline__facts">
          <Link to="/leads/$leadId" params={{ leadId: related }} search={context.from ? { from: context.from } : {}}>
            Open that lead
          </Link>
        </p>
      ) : null}
      {facts.length > 0 ? <p className="lp-timeline__facts">{facts.join(' · ')}</p> : null}
      {skipped.length > 0 ? (
        <p className="lp-timeline__facts">
          Passed over: {skipped.map((rep) => `${rep.email} (${skipReasons[rep.why] ?? rep.why})`).join(', ')}
        </p>
      ) : null}
    </>
  );
}

function TouchBody(props: { touch: LeadTouch }) {
  const origin = touchOrigin(props.touch);
  const detail = Object.entries(props.touch.detail ?? {}).filter(([, value]) => value !== null && value !== '');
  return (
    <>
      {origin ? <p className="lp-timeline__reason">{origin}</p> : null}
      {detail.length > 0 ? (
        <p className="lp-timeline__facts">
          {detail.map(([key, value]) => `${key.replaceAll('_', ' ')}: ${String(value)}`).join(' · ')}
        </p>
      ) : null}
    </>
  );
}

function Entry(props: { entry: TimelineEntry; context: EntryContext }) {
  const { entry, context } = props;
  if (entry.kind === 'touch') {
    return (
      <li className="lp-timeline__item lp-timeline__item--touch" data-kind="touch">
        <span className="lp-timeline__dot" aria-hidden="true" />
        <div className="lp-timeline__content">
          <p className="lp-timeline__title">
            <span className="lp-timeline__kind">Touch</span> {touchTitle(entry.touch)}
          </p>
          <TouchBody touch={entry.touch} />
          <p className="lp-timeline__meta">
            <When at={entry.at} now={context.now} />
          </p>
        </div>
      </li>
    );
  }
  const { event } = entry;
  return (
    <li className={`lp-timeline__item lp-timeline__item--${event.type}`} data-kind={event.type}>
      <span className="lp-timeline__dot" aria-hidden="true" />
      <div className="lp-timeline__content">
        <p className="lp-timeline__title">{eventTitle(event)}</p>
        <EventBody event={event} context={context} />
        <p className="lp-timeline__meta">
          <span className="lp-timeline__actor">{event.actor.label}</span> · <When at={entry.at} now={context.now} />
        </p>
      </div>
    </li>
  );
}

/** Everything that happened to the lead, newest first: marketing's touches and every stage change and assignment with who and why. */
export function LeadTimelineCard(props: { touches: readonly LeadTouch[]; events: readonly LeadEvent[]; context: EntryContext }) {
  const [showAll, setShowAll] = useState(false);
  const entries = timelineOf(props.touches, props.events);
  const shown = showAll ? entries : entries.slice(0, firstShown);
  return (
    <Card title="Timeline" aria-label="Timeline" className="lp-timeline-card" actions={<span className="lp-timeline__count">{`${plural(props.touches.length, 'touch', 'touches')} · ${plural(props.events.length, 'event', 'events')}`}</span>}>
      {entries.length === 0 ? <p className="lp-score__empty">Nothing has happened to this lead yet.</p> : null}
      <ol className="lp-timeline" aria-label="Timeline, newest first">
        {shown.map((entry) => (
          <Entry key={entry.key} entry={entry} context={props.context} />
        ))}
      </ol>
      {entries.length > shown.length ? (
        <Button size="sm" variant="ghost" onClick={() => setShowAll(true)}>
          Show all {entries.length} entries
        </Button>
      ) : null}
    </Card>
  );
}
