import { Link, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { GradeBadge, StageBadge } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { Icon } from '../ui/icon.tsx';
import type { LeadSummary } from './inbox-order.ts';
import { leadDisplayName } from './lead-name.ts';
import { timeAgo } from './time-ago.ts';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const classLabels: Record<string, string> = { field: 'Field', inside: 'Inside', marketing_led: 'Marketing-led' };

function formatScore(value: number | null): string {
  return value === null ? '–' : String(Math.round(value));
}

export const leadPreviewId = 'lead-preview';

/** A quick look at the lead the inbox has open: who, where from, how it scored, how long it has waited. */
export function LeadPreview(props: { lead: LeadSummary; now: Date; onClose(): void }) {
  const { lead, now } = props;
  const inboxHref = useRouterState({ select: (state) => state.location.href });
  const rows: [string, ReactNode][] = [
    ['E-mail', lead.email ? <a href={`mailto:${lead.email}`}>{lead.email}</a> : '–'],
    ['Company', lead.accountName ?? lead.company ?? '–'],
    ['Country', lead.country ?? '–'],
    ['Source', lead.source ?? '–'],
    ['Account class', lead.accountClass ? (classLabels[lead.accountClass] ?? lead.accountClass) : '–'],
    ['Owner', lead.ownerName ?? 'Unassigned'],
    ['Created', `${dateTime.format(new Date(lead.createdAt))} (${timeAgo(new Date(lead.createdAt), now)} ago)`],
    ['In this stage since', `${dateTime.format(new Date(lead.stageChangedAt))} (${timeAgo(new Date(lead.stageChangedAt), now)})`],
  ];
  return (
    <aside id={leadPreviewId} className="lp-lead-preview" aria-labelledby="lead-preview-name">
      <div className="lp-lead-preview__head">
        <GradeBadge grade={lead.grade} />
        <div className="lp-lead-preview__who">
          <h2 id="lead-preview-name" className="lp-lead-preview__name">
            {leadDisplayName(lead)}
          </h2>
          <p className="lp-lead-preview__title">{[lead.title, lead.company].filter(Boolean).join(' · ') || 'No title or company given'}</p>
        </div>
        <Button variant="ghost" size="sm" onClick={props.onClose} aria-label="Close the preview" icon={<Icon name="close" size={16} />} />
      </div>
      <div className="lp-lead-preview__badges">
        <StageBadge stage={lead.stage} />
      </div>
      {/* The full page; `from` brings Escape and its back link to this very view of the inbox. */}
      <Link to="/leads/$leadId" params={{ leadId: lead.id }} search={{ from: inboxHref }} className="lp-button lp-button--primary lp-button--md">
        Open lead
      </Link>
      <dl className="lp-lead-preview__scores">
        <div>
          <dt>Score</dt>
          <dd>{formatScore(lead.score)}</dd>
        </div>
        <div>
          <dt>Fit</dt>
          <dd>{formatScore(lead.fitScore)}</dd>
        </div>
        <div>
          <dt>Engagement</dt>
          <dd>{formatScore(lead.engagementScore)}</dd>
        </div>
      </dl>
      <dl className="lp-lead-preview__facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
