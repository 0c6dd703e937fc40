import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, dataOf } from '../api/api-client.ts';
import { isApiError } from '../api/api-error.ts';
import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { Field } from '../ui/field.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { Input } from '../ui/input.tsx';
import { Select } from '../ui/select.tsx';
import { useToast } from '../ui/toast.tsx';
import { adminQueryKey } from './admin-queries.ts';
import type { AccountClass, OrganisationUser, Team } from './admin-types.ts';
import { formLevelError } from '../api/field-issues.ts';
import { accountClassLabels, emptyTeamForm, newTeamBodyOf, teamChangesOf, teamFormValuesOf, type NewTeamBody, type TeamChangesBody, type TeamFormValues } from './team-form.ts';

const fields = ['name', 'accountClass', 'managerEmail'] as const;
const classOptions = (Object.keys(accountClassLabels) as AccountClass[]).map((value) => ({ value, label: accountClassLabels[value] }));

/** Creates a team (no `team`) or renames one, changes its class or its manager (an active sales manager). */
export function TeamDialog(props: { team?: Team; users: readonly OrganisationUser[]; onClose(): void }) {
  const { team } = props;
  const toast = useToast();
  const queryClient = useQueryClient();
  const [initial] = useState<TeamFormValues>(() => (team ? teamFormValuesOf(team) : emptyTeamForm));
  const [values, setValues] = useState<TeamFormValues>(initial);
  const [nameError, setNameError] = useState<string | undefined>();

  const save = useMutation({
    mutationFn: (request: { create: NewTeamBody } | { change: TeamChangesBody }) =>
      'create' in request
        ? dataOf(api.POST('/api/teams', { body: request.create }))
        : dataOf(api.PATCH('/api/teams/{id}', { params: { path: { id: team!.id } }, body: request.change })),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: adminQueryKey });
      toast.show(team ? `Saved ${saved.name}.` : `Created ${saved.name}.`, 'success');
      props.onClose();
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!team) {
      const { body, nameError: error } = newTeamBodyOf(values);
      setNameError(error);
      if (body) save.mutate({ create: body });
      return;
    }
    const { changes, nameError: error } = teamChangesOf(initial, values);
    setNameError(error);
    if (error) return;
    if (Object.keys(changes).length === 0) props.onClose();
    else save.mutate({ change: changes });
  };

  // Only an active sales manager may lead a team (the API says so too); the current one stays listed.
  const managers = props.users.filter((user) => user.role === 'sales_manager' && (user.active || user.email === initial.managerEmail));
  const managerOptions = [{ value: '', label: 'No manager' }, ...managers.map((user) => ({ value: user.email, label: `${user.name} (${user.email})` }))];
  const refused = isApiError(save.error) ? save.error : null;
  const formError = formLevelError(save.error, fields);
  const renamed = team !== undefined && values.name.trim() !== initial.name.trim();
  return (
    <Dialog
      title={team ? `Edit ${team.name}` : 'New team'}
      description={team ? undefined : 'The pact routes each account class to a team by its name.'}
      onClose={props.onClose}
      footer={
        <>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" form="lp-team-form" variant="primary" busy={save.isPending}>
            {team ? 'Save changes' : 'Create team'}
          </Button>
        </>
      }
    >
      <form id="lp-team-form" className="lp-admin-form" onSubmit={submit} noValidate>
        {formError ? <InlineError title="Nothing was saved." error={formError} /> : null}
        <Field
          label="Name"
          hint={renamed ? 'The pact names teams in its routing: update it too, or the class routed to the old name finds no team.' : undefined}
          error={nameError ?? refused?.issueAt('name')}
        >
          {(control) => <Input {...control} value={values.name} autoComplete="off" onChange={(event) => setValues({ ...values, name: event.target.value })} />}
        </Field>
        <Field label="Account class" hint="The kind of accounts the team works: field, inside or marketing-led." error={refused?.issueAt('accountClass')}>
          {(control) => <Select {...control} value={values.accountClass} options={classOptions} onChange={(event) => setValues({ ...values, accountClass: event.target.value as AccountClass })} />}
        </Field>
        <Field label="Manager" hint="An active sales manager; they see and reassign the team’s leads." error={refused?.issueAt('managerEmail')}>
          {(control) => <Select {...control} value={values.managerEmail} options={managerOptions} onChange={(event) => setValues({ ...values, managerEmail: event.target.value })} />}
        </Field>
      </form>
    </Dialog>
  );
}
