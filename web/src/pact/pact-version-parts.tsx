import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { Badge, type BadgeTone } from '../ui/badge.tsx';
import { Icon } from '../ui/icon.tsx';
import type { PactChange, PactVersion, PactVersionStatus } from './pact-document.ts';
import { pactSideLabels, pactSideSigners, type PactSide } from './pact-permissions.ts';

const statusTones: Record<PactVersionStatus, BadgeTone> = { draft: 'warning', approved: 'info', active: 'success', retired: 'neutral' };
const statusLabels: Record<PactVersionStatus, string> = { draft: 'Draft', approved: 'Approved', active: 'Active', retired: 'Retired' };

export function VersionStatusBadge(props: { status: PactVersionStatus }) {
  return <Badge tone={statusTones[props.status]}>{statusLabels[props.status]}</Badge>;
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** A moment as the reader's locale writes it, with the exact time on hover. */
export function When(props: { at: string; withTime?: boolean }) {
  const date = new Date(props.at);
  return (
    <time dateTime={props.at} title={date.toISOString()}>
      {(props.withTime ? dateTimeFormat : dateFormat).format(date)}
    </time>
  );
}

/** One side's signature: who and when, or that it is still missing and who may give it. */
export function ApprovalLine(props: { side: PactSide; approval: PactVersion['marketingApproval']; status: PactVersionStatus }) {
  const { approval } = props;
  return (
    <div className="lp-pact-approval">
      <span className={['lp-pact-approval__mark', approval ? 'lp-pact-approval__mark--done' : ''].filter(Boolean).join(' ')} aria-hidden="true">
        {approval ? <Icon name="check" size={14} /> : null}
      </span>
      <span>
        <span className="lp-pact-approval__side">{pactSideLabels[props.side]}</span>{' '}
        {approval ? (
          <>
            approved by <strong>{approval.name ?? 'a former user'}</strong> on <When at={approval.at} withTime />
          </>
        ) : props.status === 'draft' ? (
          <span className="lp-pact-muted">not approved yet — needs {pactSideSigners[props.side]}</span>
        ) : (
          <span className="lp-pact-muted">no approval recorded</span>
        )}
      </span>
    </div>
  );
}

const changeMarks: Record<PactChange['kind'], { symbol: string; label: string }> = {
  added: { symbol: '+', label: 'Added' },
  removed: { symbol: '−', label: 'Removed' },
  changed: { symbol: '~', label: 'Changed' },
};

/** What a version changes, one line per change, with the place in the document. */
export function PactChangeList(props: { changes: readonly PactChange[]; emptyText: string }) {
  if (props.changes.length === 0) return <p className="lp-pact-muted">{props.emptyText}</p>;
  return (
    <ul className="lp-pact-changes">
      {props.changes.map((change, index) => (
        <li key={`${change.path}-${index}`} className={`lp-pact-change lp-pact-change--${change.kind}`}>
          <span className="lp-pact-change__mark" aria-hidden="true">
            {changeMarks[change.kind].symbol}
          </span>
          <span className="lp-pact-change__text">
            <span className="lp-visually-hidden">{changeMarks[change.kind].label}: </span>
            {change.summary}
            <code className="lp-pact-change__path">{change.path}</code>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A link to one version's page. */
export function VersionLink(props: { version: number; children?: ReactNode }) {
  return (
    <Link to="/pact/versions/$version" params={{ version: String(props.version) }}>
      {props.children ?? `Version ${props.version}`}
    </Link>
  );
}
