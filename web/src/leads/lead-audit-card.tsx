import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, dataOf } from '../api/api-client.ts';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { InlineError } from '../ui/inline-error.tsx';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const pageSize = 20;
/** A create lists every column written; a few say enough, the rest are counted. */
const changesShown = 6;

function shown(value: unknown): string {
  if (value === null || value === undefined) return '–';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Each changed column of an update as "column: old → new"; for a create, the columns written. */
function changesOf(oldValues: Record<string, unknown> | null, newValues: Record<string, unknown> | null): string[] {
  if (!newValues) return [];
  return Object.keys(newValues).map((column) => (oldValues ? `${column}: ${shown(oldValues[column])} → ${shown(newValues[column])}` : `${column}: ${shown(newValues[column])}`));
}

function ChangeList(props: { changes: string[] }) {
  const hidden = props.changes.length - changesShown;
  return (
    <ul className="lp-audit__changes">
      {props.changes.slice(0, changesShown).map((change) => (
        <li key={change}>{change}</li>
      ))}
      {hidden > 0 ? <li>and {hidden} more</li> : null}
    </ul>
  );
}

/** Admins: the lead's audit entries (every write, old and new values), newest first; loaded when asked for. */
export function LeadAuditCard(props: { leadId: string }) {
  const [open, setOpen] = useState(false);
  const audit = useQuery({
    queryKey: ['lead', props.leadId, 'audit'] as const,
    queryFn: ({ signal }) => dataOf(api.GET('/api/leads/{id}/audit', { params: { path: { id: props.leadId }, query: { limit: pageSize } }, signal })),
    enabled: open,
  });
  return (
    <Card
      title="Audit log"
      aria-label="Audit log"
      actions={
        <Button size="sm" variant="ghost" aria-expanded={open} aria-controls="lp-lead-audit" onClick={() => setOpen((value) => !value)}>
          {open ? 'Hide' : 'Show'}
        </Button>
      }
    >
      <div id="lp-lead-audit">
        {!open ? <p className="lp-card-note">Every write to this lead with its old and new values (admins only).</p> : null}
        {open && audit.isPending ? <p className="lp-card-note" role="status">Loading the audit log…</p> : null}
        {open && audit.error ? <InlineError title="The audit log could not be loaded." error={audit.error} /> : null}
        {open && audit.data ? (
          audit.data.entries.length === 0 ? (
            <p className="lp-card-note">No audit entries.</p>
          ) : (
            <ol className="lp-audit">
              {audit.data.entries.map((entry) => (
                <li key={entry.id} className="lp-audit__entry">
                  <p className="lp-audit__head">
                    <strong>{entry.action}</strong> by {entry.actorType.replaceAll('_', ' ')}
                    {entry.actorId ? <code className="lp-audit__actor"> {entry.actorId.slice(0, 8)}</code> : null} ·{' '}
                    <time dateTime={entry.at}>{dateTime.format(new Date(entry.at))}</time>
                  </p>
                  <ChangeList changes={changesOf(entry.oldValues, entry.newValues)} />
                </li>
              ))}
            </ol>
          )
        ) : null}
        {open && audit.data?.nextCursor ? <p className="lp-card-note">Showing the latest {pageSize} entries.</p> : null}
      </div>
    </Card>
  );
}
