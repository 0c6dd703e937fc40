import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, dataOf } from '../api/api-client.ts';
import { isApiError } from '../api/api-error.ts';
import { roleLabels } from '../shell/role-labels.ts';
import { Button } from '../ui/button.tsx';
import { Checkbox } from '../ui/checkbox.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { SecretReveal } from '../ui/secret-reveal.tsx';
import { adminQueryKey } from './admin-queries.ts';
import type { NewUserBody, OrganisationUser, Team } from './admin-types.ts';
import { formLevelError } from '../api/field-issues.ts';
import { emptyUserForm, newUserBodyOf, type UserFormErrors, type UserFormValues } from './user-form.ts';
import { UserFields } from './user-fields.tsx';

const fields = ['name', 'email', 'role', 'team', 'capacity', 'weight', 'awayUntil'] as const;

/** Asks the API for a generated password (returned this once); the new user has none until then. */
function generatePassword(userId: string): Promise<string | null> {
  return dataOf(api.POST('/api/users/{id}/password', { params: { path: { id: userId } }, body: {} })).then((result) => result.generatedPassword);
}

/**
 * Adds a person. leadpact sends no e-mail: a new user has no password until an admin sets one, so
 * the dialog asks the API for a generated first password right away (unless told not to) and
 * shows it this once, to be handed over by the admin.
 */
export function NewUserDialog(props: { teams: readonly Team[]; timeZone: string; onClose(): void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<UserFormValues>(emptyUserForm);
  const [ownErrors, setOwnErrors] = useState<UserFormErrors>({});
  const [withPassword, setWithPassword] = useState(true);

  const create = useMutation({
    mutationFn: (body: NewUserBody) => dataOf(api.POST('/api/users', { body })),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: adminQueryKey });
      if (withPassword) password.mutate(user.id);
    },
  });
  // The answer holds the password: dropped from the cache as soon as the dialog closes.
  const password = useMutation({ mutationFn: generatePassword, gcTime: 0 });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { body, errors } = newUserBodyOf(values);
    setOwnErrors(errors);
    if (body) create.mutate(body);
  };

  const created = create.data;
  if (created) return <CreatedUser user={created} password={password} withPassword={withPassword} onClose={props.onClose} />;

  const refused = isApiError(create.error) ? create.error : null;
  const errorOf = (field: (typeof fields)[number] | 'active') => ownErrors[field as keyof UserFormErrors] ?? refused?.issueAt(field);
  const formError = formLevelError(create.error, fields);
  return (
    <Dialog
      title="New user"
      description="Add someone to the organisation. Sales reps need a capacity before routing gives them leads."
      onClose={props.onClose}
      footer={
        <>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" form="lp-new-user-form" variant="primary" busy={create.isPending}>
            Create user
          </Button>
        </>
      }
    >
      <form id="lp-new-user-form" className="lp-admin-form" onSubmit={submit} noValidate>
        {formError ? <InlineError title="The user was not created." error={formError} /> : null}
        <UserFields values={values} onChange={setValues} errorOf={errorOf} teams={props.teams} timeZone={props.timeZone} mode="create" />
        <Checkbox
          checked={withPassword}
          onChange={(event) => setWithPassword(event.target.checked)}
          label="Generate a first password"
          description="Shown to you once, right after creating, for you to hand over. leadpact sends no e-mail."
        />
      </form>
    </Dialog>
  );
}

function CreatedUser(props: { user: OrganisationUser; password: UseMutationResult<string | null, Error, string>; withPassword: boolean; onClose(): void }) {
  const { user, password } = props;
  const where = user.teamName ? ` in ${user.teamName}` : '';
  return (
    <Dialog
      title={`${user.name} was added`}
      description={`${roleLabels[user.role]}${where} · ${user.email}`}
      onClose={props.onClose}
      footer={
        <Button variant="primary" onClick={props.onClose}>
          Done
        </Button>
      }
    >
      <div className="lp-admin-form">
        {password.data ? (
          <SecretReveal
            label={`First password for ${user.email}`}
            secret={password.data}
            warning="Shown only now: leadpact keeps just a hash of it. Hand it over through a safe channel; they can change it under Your account once signed in."
          />
        ) : password.isPending ? (
          <p role="status">Generating a first password…</p>
        ) : password.error ? (
          <InlineError
            title="The user was created, but no password could be generated."
            error={password.error}
            action={
              <Button size="sm" onClick={() => password.mutate(user.id)}>
                Try again
              </Button>
            }
          />
        ) : (
          <p className="lp-admin-muted">
            They cannot sign in until they have a password: open them in the list and choose <strong>Generate a new password</strong>.
            {props.withPassword ? null : ' You chose not to generate one now.'}
          </p>
        )}
      </div>
    </Dialog>
  );
}
