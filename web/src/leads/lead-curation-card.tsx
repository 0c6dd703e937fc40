import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../api/api-error.ts';
import { GradeBadge, StageBadge } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { Field } from '../ui/field.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { Input } from '../ui/input.tsx';
import { useToast } from '../ui/toast.tsx';
import type { Lead, LeadDuplicate } from './lead-detail.ts';
import { useChangeJunkStatus, useMergeDuplicate } from './lead-mutations.ts';

const minimumReasonLength = 3;

/**
 * Mark junk (with the reason marketing will read) or, for a junk lead, restore it: it is rescored
 * and, if it qualifies, becomes an MQL and is routed. The form opens on demand so a stray click
 * junks nothing.
 */
export function LeadJunkCard(props: { lead: Lead }) {
  const { lead } = props;
  const isJunk = lead.stage === 'junk';
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [ownError, setOwnError] = useState<string | null>(null);
  const change = useChangeJunkStatus(lead.id);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The API's own rule (3 to 300 characters), said in words before the request rather than as its generic message.
    if (reason.trim().length < minimumReasonLength) {
      setOwnError(`Give a reason of at least ${minimumReasonLength} characters: marketing reads it.`);
      return;
    }
    setOwnError(null);
    change.mutate(
      { to: isJunk ? 'restore' : 'junk', reason: reason.trim() },
      {
        onSuccess: () => {
          toast.show(isJunk ? 'Lead restored and rescored.' : 'Lead marked as junk.', 'success');
          setOpen(false);
          setReason('');
        },
      },
    );
  };

  const refused = isApiError(change.error) ? change.error : null;
  const reasonError = ownError ?? refused?.issueAt('reason');
  const formError = change.error && !reasonError ? change.error : null;
  return (
    <Card title={isJunk ? 'Junk' : 'Data quality'} aria-label={isJunk ? 'Junk' : 'Data quality'}>
      {isJunk ? (
        <p className="lp-card-note">
          Junk{lead.junkCode ? ` (${lead.junkCode.replaceAll('_', ' ')})` : ''}: {lead.junkReason ?? 'no reason recorded'}.
        </p>
      ) : (
        <p className="lp-card-note">Not a real prospect (a test, a competitor, a student)? Mark it as junk; it keeps the reason and can be restored.</p>
      )}
      {open ? (
        <form className="lp-lead-form" onSubmit={submit} noValidate aria-label={isJunk ? 'Restore from junk' : 'Mark as junk'}>
          <Field label={isJunk ? 'Why restore it' : 'Why it is junk'} hint="3 to 300 characters; kept on the timeline." error={reasonError}>
            {(control) => <Input {...control} value={reason} maxLength={300} autoFocus onChange={(event) => setReason(event.target.value)} />}
          </Field>
          {formError ? <InlineError title={isJunk ? 'The lead was not restored.' : 'The lead was not marked as junk.'} error={formError} /> : null}
          <div className="lp-lead-form__actions">
            <Button type="submit" variant={isJunk ? 'primary' : 'danger'} busy={change.isPending}>
              {isJunk ? 'Restore lead' : 'Mark as junk'}
            </Button>
            <Button
              variant="ghost"
              onClick={() => {
                setOpen(false);
                setOwnError(null);
                change.reset();
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <Button size="sm" onClick={() => setOpen(true)}>
          {isJunk ? 'Restore…' : 'Mark as junk…'}
        </Button>
      )}
    </Card>
  );
}

function DuplicateRow(props: { lead: Lead; duplicate: LeadDuplicate; mayMerge: boolean; from: string | undefined }) {
  const { duplicate } = props;
  const other = duplicate.otherLead;
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const merge = useMergeDuplicate(props.lead.id);
  const name = other.name ?? other.email ?? 'Unnamed lead';
  const mergeable = props.mayMerge && duplicate.status === 'open' && other.mergedIntoId === null && props.lead.mergedIntoId === null;
  return (
    <li className="lp-duplicates__item">
      <div className="lp-duplicates__who">
        <GradeBadge grade={other.grade} />
        <div>
          <Link to="/leads/$leadId" params={{ leadId: other.id }} search={props.from ? { from: props.from } : {}} className="lp-duplicates__name">
            {name}
          </Link>
          <p className="lp-card-note">{[other.email, other.company].filter(Boolean).join(' · ')}</p>
        </div>
        <StageBadge stage={other.stage} />
      </div>
      <p className="lp-card-note">
        {duplicate.reason}
        {duplicate.status !== 'open' ? ` — ${duplicate.status}` : ''}
      </p>
      {mergeable && !confirming ? (
        <Button size="sm" onClick={() => setConfirming(true)}>
          Merge into this lead…
        </Button>
      ) : null}
      {mergeable && confirming ? (
        <div className="lp-duplicates__confirm" role="group" aria-label={`Merge ${name} into this lead`}>
          <p>Merge {name} into this lead? Its touches and history move here and it closes as merged. This cannot be undone here.</p>
          {merge.error ? <InlineError title="The leads were not merged." error={merge.error} /> : null}
          <div className="lp-lead-form__actions">
            <Button
              variant="primary"
              size="sm"
              busy={merge.isPending}
              onClick={() =>
                merge.mutate(
                  { otherLeadId: other.id },
                  {
                    onSuccess: () => {
                      toast.show(`${name} merged into this lead.`, 'success');
                      setConfirming(false);
                    },
                  },
                )
              }
            >
              Merge
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

/** Leads flagged as likely the same person (same phone, or same name at the same company), and merging one in. */
export function LeadDuplicatesCard(props: { lead: Lead; duplicates: readonly LeadDuplicate[]; mayMerge: boolean; from: string | undefined }) {
  if (props.duplicates.length === 0) return null;
  const open = props.duplicates.filter((duplicate) => duplicate.status === 'open').length;
  return (
    <Card title="Likely duplicates" aria-label="Likely duplicates" actions={<span className="lp-card-note">{open} open</span>}>
      <ul className="lp-duplicates">
        {props.duplicates.map((duplicate) => (
          <DuplicateRow key={duplicate.id} lead={props.lead} duplicate={duplicate} mayMerge={props.mayMerge} from={props.from} />
        ))}
      </ul>
    </Card>
  );
}
