import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../api/api-error.ts';
import { stageLabels, type Stage } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { Field } from '../ui/field.tsx';
import { Icon } from '../ui/icon.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { Input } from '../ui/input.tsx';
import { Select } from '../ui/select.tsx';
import { useToast } from '../ui/toast.tsx';
import { timeAgo } from '../inbox/time-ago.ts';
import type { LeadDetail } from './lead-detail.ts';
import { activeDispositionsQuery, dispositionsFor, recycleUntilOf, type Disposition } from './lead-dispositions.ts';
import { lifecycleOf, moveButtonLabel, stageLeftFrom, stageMoveChoices, type LifecycleStep } from './lead-lifecycle.ts';
import { useChangeLead } from './lead-mutations.ts';
import type { LeadPermissions } from './lead-permissions.ts';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function Stepper(props: { steps: LifecycleStep[]; exit: Stage | null }) {
  return (
    <div className="lp-stepper-wrap">
      <ol className="lp-stepper" aria-label="Lifecycle">
        {props.steps.map((step) => (
          <li key={step.stage} className={`lp-stepper__step lp-stepper__step--${step.state}`} aria-current={step.state === 'current' ? 'step' : undefined}>
            <span className="lp-stepper__marker" aria-hidden="true">
              {step.state === 'done' ? <Icon name="check" size={14} /> : null}
            </span>
            <span className="lp-stepper__label">
              {step.label}
              <span className="lp-visually-hidden">{step.state === 'done' ? ' (passed)' : step.state === 'current' ? ' (current stage)' : ''}</span>
            </span>
          </li>
        ))}
      </ol>
      {props.exit ? (
        <p className={`lp-stepper__exit lp-stepper__exit--${props.exit}`}>
          Left the waterfall: <strong>{stageLabels[props.exit]}</strong>
        </p>
      ) : null}
    </div>
  );
}

/** Where the lead is now and what it carries: since when, its disposition, its resurface date, its junk reason. */
function StageSummary(props: { detail: LeadDetail; dispositions: readonly Disposition[]; now: Date }) {
  const { lead } = props.detail;
  const disposition = lead.dispositionCode ? (props.dispositions.find((d) => d.code === lead.dispositionCode)?.label ?? lead.dispositionCode) : null;
  return (
    <dl className="lp-lead-stage__summary">
      <div>
        <dt>In {stageLabels[lead.stage]} since</dt>
        <dd>
          {dateFormat.format(new Date(lead.stageChangedAt))} ({timeAgo(new Date(lead.stageChangedAt), props.now)})
        </dd>
      </div>
      {disposition ? (
        <div>
          <dt>Disposition</dt>
          <dd>{disposition}</dd>
        </div>
      ) : null}
      {lead.recycleUntil ? (
        <div>
          <dt>Resurfaces</dt>
          <dd>{dateFormat.format(new Date(lead.recycleUntil))}</dd>
        </div>
      ) : null}
      {lead.stage === 'junk' && lead.junkReason ? (
        <div>
          <dt>Junk because</dt>
          <dd>{lead.junkReason}</dd>
        </div>
      ) : null}
      {lead.mqlClause ? (
        <div>
          <dt>MQL because</dt>
          <dd>{lead.mqlClause}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/**
 * The move-stage form: the moves this user may make from the lead's stage (lead-lifecycle.ts), with
 * what each needs — a disposition to disqualify, a date (or a recycling disposition) to recycle —
 * and a note for the timeline. The API decides; its refusals show at the field they name.
 */
function MoveStageForm(props: { detail: LeadDetail; permissions: LeadPermissions; dispositions: readonly Disposition[]; dispositionsError: unknown; onMoved(): void }) {
  const { lead } = props.detail;
  const toast = useToast();
  const choices = stageMoveChoices(lead.stage, props.permissions);
  const [to, setTo] = useState<string>(choices[0]?.to ?? '');
  const [dispositionCode, setDispositionCode] = useState('');
  const [recycleDay, setRecycleDay] = useState('');
  const [reason, setReason] = useState('');
  const change = useChangeLead(lead.id);
  const choice = choices.find((candidate) => candidate.to === to);
  const needsDisposition = choice?.kind === 'disqualify' || choice?.kind === 'recycle';
  const picked = props.dispositions.find((d) => d.code === dispositionCode);

  if (choices.length === 0) return null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!choice) return;
    const until = choice.kind === 'recycle' ? recycleUntilOf(recycleDay) : null;
    change.mutate(
      {
        stage: choice.to,
        ...(needsDisposition && dispositionCode ? { dispositionCode } : {}),
        ...(until ? { recycleUntil: until } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      },
      {
        onSuccess: () => {
          toast.show(`Moved to ${stageLabels[choice.to]}.`, 'success');
          props.onMoved();
        },
      },
    );
  };

  const refused = isApiError(change.error) ? change.error : null;
  const stageError = refused?.issueAt('stage');
  const dispositionError = refused?.issueAt('dispositionCode');
  const recycleError = refused?.issueAt('recycleUntil');
  const reasonError = refused?.issueAt('reason');
  const formError = change.error && !stageError && !dispositionError && !recycleError && !reasonError ? change.error : null;
  const listed = choice ? dispositionsFor(choice.kind === 'recycle' ? 'recycle' : 'disqualify', props.dispositions) : [];

  return (
    <form className="lp-lead-form" onSubmit={submit} noValidate aria-label="Move stage">
      <Field label="Move to" error={stageError}>
        {(control) => (
          <Select
            {...control}
            value={to}
            onChange={(event) => {
              setTo(event.target.value);
              change.reset();
            }}
            options={choices.map((candidate) => ({ value: candidate.to, label: candidate.label }))}
          />
        )}
      </Field>
      {needsDisposition ? (
        <Field
          label="Disposition"
          hint={choice?.kind === 'disqualify' ? 'The reason sales owes marketing: required to disqualify.' : 'Optional; a recycling reason sets the resurface date for you.'}
          error={dispositionError ?? (props.dispositionsError ? 'The pact’s dispositions could not be loaded; reload the page to try again.' : null)}
        >
          {(control) => (
            <Select
              {...control}
              value={dispositionCode}
              onChange={(event) => {
                setDispositionCode(event.target.value);
                change.reset();
              }}
              options={[{ value: '', label: 'Choose a reason…' }, ...listed.map((d) => ({ value: d.code, label: d.recycleAfterDays ? `${d.label} (recycle ${d.recycleAfterDays} days)` : d.label }))]}
            />
          )}
        </Field>
      ) : null}
      {choice?.kind === 'recycle' ? (
        <Field
          label="Resurface on"
          hint={picked?.recycleAfterDays && !recycleDay ? `Empty: in ${picked.recycleAfterDays} days, as “${picked.label}” says.` : 'The day the lead may come back to marketing’s nurture.'}
          error={recycleError}
        >
          {(control) => <Input {...control} type="date" value={recycleDay} onChange={(event) => {
                setRecycleDay(event.target.value);
                change.reset();
              }} />}
        </Field>
      ) : null}
      <Field label="Note for the timeline" hint="Optional: what happened, for whoever reads the lead next." error={reasonError}>
        {(control) => <Input {...control} value={reason} maxLength={300} onChange={(event) => setReason(event.target.value)} placeholder="e.g. Called, confirmed interest" />}
      </Field>
      {formError ? <InlineError title="The stage was not changed." error={formError} /> : null}
      <div className="lp-lead-form__actions">
        <Button type="submit" variant={choice?.kind === 'disqualify' ? 'secondary' : 'primary'} busy={change.isPending}>
          {moveButtonLabel(choice)}
        </Button>
      </div>
    </form>
  );
}

/** The lead's place in the lifecycle, as a stepper, and the stage moves this user may make. */
export function LeadStageCard(props: { detail: LeadDetail; permissions: LeadPermissions; now: Date }) {
  const { detail } = props;
  const { lead } = detail;
  const summary = useRef<HTMLDivElement>(null);
  const canMove = stageMoveChoices(lead.stage, props.permissions).length > 0;
  const dispositions = useQuery({ ...activeDispositionsQuery, enabled: canMove || lead.dispositionCode !== null });
  const lifecycle = lifecycleOf(lead.stage, stageLeftFrom(detail.events, lead.stage));
  return (
    <Card title="Stage" className="lp-lead-stage" aria-label="Stage">
      <Stepper steps={lifecycle.steps} exit={lifecycle.exit} />
      <div ref={summary} tabIndex={-1} className="lp-lead-stage__summary-wrap">
        <StageSummary detail={detail} dispositions={dispositions.data ?? []} now={props.now} />
      </div>
      {canMove ? (
        // A new stage brings new choices: the form starts afresh for it.
        <MoveStageForm
          key={lead.stage}
          detail={detail}
          permissions={props.permissions}
          dispositions={dispositions.data ?? []}
          dispositionsError={dispositions.error}
          onMoved={() => summary.current?.focus()}
        />
      ) : lead.mergedIntoId ? (
        <p className="lp-lead-stage__note">This lead was merged into another; its stage is moved there, not here.</p>
      ) : lead.stage === 'junk' ? (
        <p className="lp-lead-stage__note">A junk lead leaves junk only by being restored{props.permissions.junk ? ' (below)' : ' by marketing or an admin'}.</p>
      ) : props.permissions.moveStage ? (
        <p className="lp-lead-stage__note">A {stageLabels[lead.stage]} lead has no next step; an admin can correct its stage.</p>
      ) : (
        <p className="lp-lead-stage__note">You can follow this lead; moving its stage is for its owner, their manager and admins.</p>
      )}
    </Card>
  );
}
