import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, dataOf } from '../api/api-client.ts';
import { isApiError } from '../api/api-error.ts';
import type { components } from '../api/schema.d.ts';
import type { Me } from '../auth/session-query.ts';
import { roleLabels } from '../shell/role-labels.ts';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { Field } from '../ui/field.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { Input } from '../ui/input.tsx';
import { Select } from '../ui/select.tsx';
import { useToast } from '../ui/toast.tsx';
import type { LeadDetail, LeadEvent } from './lead-detail.ts';
import { useChangeLead } from './lead-mutations.ts';

type User = components['schemas']['User'];

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const classLabels: Record<string, string> = { field: 'Field', inside: 'Inside', marketing_led: 'Marketing-led' };
const strategyLabels: Record<string, string> = { account_owner: 'account owner', territory: 'territory', round_robin: 'weighted round-robin', unassigned: 'no rep available' };
const skipReasons: Record<string, string> = { inactive: 'inactive', away: 'away', at_capacity: 'at capacity', not_in_team: 'not in the team' };
/** The value of the "nobody" choice (a select's value is a string; the API wants null). */
const queue = 'queue';

/** The people a lead may be handed to (active sales reps and managers), from GET /api/users. */
const assignableUsersQuery = {
  queryKey: ['users', 'assignable'] as const,
  queryFn: async ({ signal }: { signal: AbortSignal }): Promise<User[]> => {
    const { users } = await dataOf(api.GET('/api/users', { params: { query: { active: 'true' } }, signal }));
    return users.filter((user) => user.role === 'sales_rep' || user.role === 'sales_manager');
  },
  staleTime: 60_000,
};

function userOptionLabel(user: User, now: Date): string {
  const away = user.awayUntil && new Date(user.awayUntil) > now ? `, away until ${new Date(user.awayUntil).toLocaleDateString()}` : '';
  const load = user.role === 'sales_rep' ? `, ${user.openLeadCount}/${user.capacity} open` : '';
  return `${user.name} — ${user.teamName ?? 'no team'}${load}${away}`;
}

/** Managers and admins hand the lead to someone else; a manager only within their team (the API says so too). */
function ReassignForm(props: { detail: LeadDetail; me: Me; now: Date }) {
  const { lead } = props.detail;
  const toast = useToast();
  const users = useQuery(assignableUsersQuery);
  const [ownerId, setOwnerId] = useState('');
  const [reason, setReason] = useState('');
  const change = useChangeLead(lead.id);
  const candidates = (users.data ?? []).filter((user) => user.id !== lead.ownerId && (props.me.user.role !== 'sales_manager' || user.teamId === props.me.user.teamId));

  const [ownError, setOwnError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (ownerId === '') {
      setOwnError('Choose who gets the lead.');
      return;
    }
    setOwnError(null);
    const chosen = ownerId === queue ? null : ownerId;
    change.mutate(
      { ownerId: chosen, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      {
        onSuccess: () => {
          const name = chosen === null ? 'the team queue' : (candidates.find((user) => user.id === chosen)?.name ?? 'the new owner');
          toast.show(`Lead handed to ${name}.`, 'success');
          setOwnerId('');
          setReason('');
        },
      },
    );
  };

  const refused = isApiError(change.error) ? change.error : null;
  const ownerError = ownError ?? refused?.issueAt('ownerId');
  const reasonError = refused?.issueAt('reason');
  const formError = change.error && !ownerError && !reasonError ? change.error : null;

  return (
    <form className="lp-lead-form lp-owner__form" onSubmit={submit} noValidate aria-label="Reassign">
      <Field label="Hand to" error={ownerError ?? (users.error ? `The people could not be loaded: ${users.error.message}` : null)}>
        {(control) => (
          <Select
            {...control}
            value={ownerId}
            disabled={users.isPending}
            onChange={(event) => {
              setOwnerId(event.target.value);
              setOwnError(null);
              change.reset();
            }}
            options={[
              { value: '', label: users.isPending ? 'Loading people…' : 'Choose a person…' },
              ...candidates.map((user) => ({ value: user.id, label: userOptionLabel(user, props.now) })),
              ...(lead.ownerId ? [{ value: queue, label: 'Nobody: back to the team queue' }] : []),
            ]}
          />
        )}
      </Field>
      <Field label="Why" hint="Optional; kept on the timeline." error={reasonError}>
        {(control) => <Input {...control} value={reason} maxLength={300} onChange={(event) => setReason(event.target.value)} />}
      </Field>
      {formError ? <InlineError title="The lead was not reassigned." error={formError} /> : null}
      <div className="lp-lead-form__actions">
        <Button type="submit" busy={change.isPending}>
          Reassign
        </Button>
      </div>
    </form>
  );
}

function latestAssignment(events: readonly LeadEvent[]): LeadEvent | null {
  for (let index = events.length - 1; index >= 0; index -= 1) if (events[index]!.type === 'assignment') return events[index]!;
  return null;
}

/** Who owns the lead, in which team and class, and why: the latest assignment (routing's reasoning, or who handed it over). */
export function LeadOwnerCard(props: { detail: LeadDetail; me: Me; mayReassign: boolean; now: Date }) {
  const { lead, owner, events } = props.detail;
  const routing = lead.routing;
  const assignment = latestAssignment(events);
  const why = assignment?.reason ?? routing?.reason ?? null;
  const skipped = assignment?.detail?.skipped ?? routing?.skipped ?? [];
  const team = routing?.team ?? (owner && owner.id === props.me.user.id ? props.me.user.teamName : null);
  return (
    <Card title="Owner" aria-label="Owner" className="lp-owner">
      <div className="lp-owner__who">
        <span className="lp-owner__avatar" aria-hidden="true">
          {owner ? owner.name.trim().charAt(0).toUpperCase() || '?' : '–'}
        </span>
        <div>
          <p className="lp-owner__name">{owner ? owner.name : 'Unassigned'}</p>
          <p className="lp-owner__meta">{owner ? `${roleLabels[owner.role as Me['user']['role']] ?? owner.role} · ${owner.email}` : 'In the team’s queue'}</p>
        </div>
      </div>
      <dl className="lp-facts">
        <div>
          <dt>Team</dt>
          <dd>{team ?? '–'}</dd>
        </div>
        <div>
          <dt>Class</dt>
          <dd>{lead.accountClass ? (classLabels[lead.accountClass] ?? lead.accountClass) : '–'}</dd>
        </div>
        {lead.assignedAt ? (
          <div>
            <dt>Assigned</dt>
            <dd>{dateTime.format(new Date(lead.assignedAt))}</dd>
          </div>
        ) : null}
        {assignment && !assignment.detail?.manual && routing ? (
          <div>
            <dt>Routed by</dt>
            <dd>{strategyLabels[routing.strategy] ?? routing.strategy}{routing.territory ? ` (${routing.territory})` : ''}</dd>
          </div>
        ) : null}
      </dl>
      {why ? (
        <div className="lp-owner__why">
          <p className="lp-owner__why-label">Assignment reason</p>
          <p className="lp-owner__why-text" data-assignment-reason>
            {why}
          </p>
          {skipped.length > 0 ? (
            <p className="lp-owner__skipped">Passed over: {skipped.map((rep) => `${rep.email} (${skipReasons[rep.why] ?? rep.why})`).join(', ')}</p>
          ) : null}
        </div>
      ) : null}
      {props.mayReassign ? <ReassignForm detail={props.detail} me={props.me} now={props.now} /> : null}
    </Card>
  );
}
