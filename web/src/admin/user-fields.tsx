import type { ReactNode } from 'react';
import { roleLabels } from '../shell/role-labels.ts';
import { Button } from '../ui/button.tsx';
import { Checkbox } from '../ui/checkbox.tsx';
import { Field } from '../ui/field.tsx';
import { Input } from '../ui/input.tsx';
import { Select } from '../ui/select.tsx';
import type { Role, Team } from './admin-types.ts';
import type { UserFormValues } from './user-form.ts';

export const roleOptions = (Object.keys(roleLabels) as Role[]).map((role) => ({ value: role, label: roleLabels[role] }));

export interface UserFieldsProps {
  values: UserFormValues;
  onChange(values: UserFormValues): void;
  /** The message to show under each field (the form's own check, or the API's issue there). */
  errorOf(field: 'name' | 'email' | 'role' | 'team' | 'capacity' | 'weight' | 'awayUntil' | 'active'): string | undefined;
  teams: readonly Team[];
  timeZone: string;
  /** A new user is given an e-mail; an existing one keeps theirs and may be deactivated. */
  mode: 'create' | 'edit';
}

/** The settings of a person of the sales organisation, as one form body for both creating and editing. */
export function UserFields({ values, onChange, errorOf, teams, timeZone, mode }: UserFieldsProps): ReactNode {
  const set = <K extends keyof UserFormValues>(field: K, value: UserFormValues[K]) => onChange({ ...values, [field]: value });
  const teamOptions = [{ value: '', label: 'No team' }, ...teams.map((team) => ({ value: team.id, label: team.name }))];
  // A team that has gone from the list (renamed elsewhere, still loading) stays selectable.
  if (values.teamId && !teams.some((team) => team.id === values.teamId)) teamOptions.push({ value: values.teamId, label: 'Current team' });
  return (
    <div className="lp-admin-form">
      <Field label="Name" error={errorOf('name')}>
        {(control) => <Input {...control} value={values.name} autoComplete="off" onChange={(event) => set('name', event.target.value)} />}
      </Field>
      {mode === 'create' ? (
        <Field label="E-mail" hint="They sign in with it; it must be new to leadpact." error={errorOf('email')}>
          {(control) => <Input {...control} type="email" value={values.email} autoComplete="off" onChange={(event) => set('email', event.target.value)} />}
        </Field>
      ) : null}
      <div className="lp-admin-form__pair">
        <Field label="Role" error={errorOf('role')}>
          {(control) => <Select {...control} value={values.role} options={roleOptions} onChange={(event) => set('role', event.target.value as Role)} />}
        </Field>
        <Field label="Team" error={errorOf('team')}>
          {(control) => <Select {...control} value={values.teamId} options={teamOptions} onChange={(event) => set('teamId', event.target.value)} />}
        </Field>
      </div>
      <div className="lp-admin-form__pair">
        <Field
          label="Capacity"
          hint={values.role === 'sales_rep' ? 'Most open leads routing may give them; 0 keeps them out of routing.' : 'Open leads routing may give them (0: none).'}
          error={errorOf('capacity')}
        >
          {(control) => <Input {...control} type="number" inputMode="numeric" step={1} value={values.capacity} onChange={(event) => set('capacity', event.target.value)} />}
        </Field>
        <Field label="Weight" hint="Share of round-robin against teammates, 1–10." error={errorOf('weight')}>
          {(control) => <Input {...control} type="number" inputMode="numeric" step={1} value={values.weight} onChange={(event) => set('weight', event.target.value)} />}
        </Field>
      </div>
      <Field label="Away until" hint={`Routing skips them until the start of this day (${timeZone}, the pact calendar). Empty: they are here.`} error={errorOf('awayUntil')}>
        {(control) => (
          <span className="lp-admin-form__date">
            <Input {...control} type="date" value={values.awayUntil} onChange={(event) => set('awayUntil', event.target.value)} />
            {values.awayUntil ? (
              <Button size="sm" variant="ghost" onClick={() => set('awayUntil', '')}>
                Clear<span className="lp-visually-hidden"> the away date</span>
              </Button>
            ) : null}
          </span>
        )}
      </Field>
      {mode === 'edit' ? (
        <div>
          <Checkbox
            checked={values.active}
            onChange={(event) => set('active', event.target.checked)}
            label="Active"
            description="Inactive people cannot sign in, their API keys stop working and routing gives them no new leads. Leads they own stay theirs."
          />
          {errorOf('active') ? <p className="lp-field__error">{errorOf('active')}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
