import { Link } from '@tanstack/react-router';
import { Badge, type BadgeTone } from '../ui/badge.tsx';
import { Icon } from '../ui/icon.tsx';
import type { AuditEntry } from './admin-types.ts';
import { auditActorLabel, auditEntityLabel, auditEntrySummary, auditValueRows, type AuditNames } from './audit-entry-text.ts';
import { formatInstant } from './format-instant.ts';

const actionTones: Record<string, BadgeTone> = { create: 'success', update: 'info', delete: 'danger', revoke: 'danger', merge: 'brand', approve: 'brand', activate: 'brand' };

/** One entry of the log: a line saying who did what to which record; opened, its values old → new. */
export function AuditEntryItem(props: { entry: AuditEntry; names: AuditNames; open: boolean; onToggle(): void }) {
  const { entry, names } = props;
  const detailsId = `audit-entry-${entry.id}`;
  const rows = props.open ? auditValueRows(entry, names) : [];
  const isUpdate = entry.oldValues !== null;
  return (
    <li className={['lp-audit-entry', props.open ? 'lp-audit-entry--open' : ''].filter(Boolean).join(' ')} data-audit-id={entry.id}>
      <button type="button" className="lp-audit-entry__toggle" aria-expanded={props.open} aria-controls={detailsId} onClick={props.onToggle}>
        <span className="lp-audit-entry__when">{formatInstant(entry.at, names.displayTimeZone)}</span>
        <span className="lp-audit-entry__what">
          <span className="lp-audit-entry__summary">
            <Badge tone={actionTones[entry.action] ?? 'neutral'}>{entry.action}</Badge>
            <span className="lp-audit-entry__entity">{auditEntityLabel(entry, names)}</span>
          </span>
          <span className="lp-audit-entry__detail">
            {auditEntrySummary(entry)} · by {auditActorLabel(entry, names)}
          </span>
        </span>
        <Icon name="chevronDown" size={16} className="lp-audit-entry__chevron" />
      </button>
      {props.open ? (
        <div id={detailsId} className="lp-audit-entry__details">
          {rows.length === 0 ? (
            <p className="lp-admin-muted">No values were recorded with this entry.</p>
          ) : (
            <table className="lp-audit-diff">
              <caption className="lp-visually-hidden">{isUpdate ? 'Values before and after' : 'Values written'}</caption>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  {isUpdate ? <th scope="col">Before</th> : null}
                  <th scope="col">{isUpdate ? 'After' : 'Value'}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.column} data-column={row.column}>
                    <th scope="row">{row.label}</th>
                    {isUpdate ? (
                      <td className="lp-audit-diff__before">{row.before === null ? <span className="lp-admin-muted">empty</span> : <del>{row.before}</del>}</td>
                    ) : null}
                    <td className="lp-audit-diff__after">
                      {row.after === null ? <span className="lp-admin-muted">empty</span> : isUpdate ? <ins>{row.after}</ins> : row.after}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="lp-audit-entry__ids">
            {entry.entityType} <code>{entry.entityId}</code> · entry #{entry.id}
            {entry.entityType === 'lead' ? (
              <>
                {' · '}
                <Link to="/leads/$leadId" params={{ leadId: entry.entityId }}>
                  Open the lead
                </Link>
              </>
            ) : null}
            {entry.entityType === 'account' ? (
              <>
                {' · '}
                <Link to="/accounts/$accountId" params={{ accountId: entry.entityId }}>
                  Open the account
                </Link>
              </>
            ) : null}
          </p>
        </div>
      ) : null}
    </li>
  );
}
