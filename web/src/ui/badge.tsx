import type { ReactNode } from 'react';
import type { components } from '../api/schema.d.ts';
import './badge.css';

export type BadgeTone = 'neutral' | 'brand' | 'info' | 'success' | 'warning' | 'danger';
export type Grade = NonNullable<components['schemas']['LeadSummary']['grade']>;
export type Stage = components['schemas']['LeadSummary']['stage'];

export function Badge(props: { tone?: BadgeTone; children: ReactNode; title?: string }) {
  return (
    <span className={`lp-badge lp-badge--${props.tone ?? 'neutral'}`} title={props.title}>
      {props.children}
    </span>
  );
}

/** A lead's grade A–D as a square chip; "–" when not graded yet. The letter is the text, the colour only helps. */
export function GradeBadge(props: { grade: Grade | null }) {
  if (props.grade === null) {
    return (
      <span className="lp-grade lp-grade--none" aria-label="Not graded">
        –
      </span>
    );
  }
  return (
    <span className={`lp-grade lp-grade--${props.grade.toLowerCase()}`} aria-label={`Grade ${props.grade}`}>
      {props.grade}
    </span>
  );
}

export const stageLabels: Record<Stage, string> = {
  inquiry: 'Inquiry',
  mql: 'MQL',
  sal: 'SAL',
  sql: 'SQL',
  won: 'Won',
  lost: 'Lost',
  junk: 'Junk',
  disqualified: 'Disqualified',
  recycled: 'Recycled',
};

const stageTones: Record<Stage, BadgeTone> = {
  inquiry: 'neutral',
  mql: 'brand',
  sal: 'info',
  sql: 'info',
  won: 'success',
  lost: 'neutral',
  junk: 'danger',
  disqualified: 'warning',
  recycled: 'neutral',
};

export function StageBadge(props: { stage: Stage }) {
  return <Badge tone={stageTones[props.stage]}>{stageLabels[props.stage]}</Badge>;
}
