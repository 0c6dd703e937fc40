import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { api, dataOf } from '../api/api-client.ts';
import { isApiError } from '../api/api-error.ts';
import { meQuery, useMe } from '../auth/session-query.ts';
import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { SecretReveal } from '../ui/secret-reveal.tsx';
import { useToast } from '../ui/toast.tsx';
import { adminQueryKey } from './admin-queries.ts';
import type { OrganisationUser, Team, UserChangesBody } from './admin-types.ts';
import { formLevelError } from '../api/field-issues.ts';
import { userChangesOf, userFormValuesOf, type UserFormErrors, type UserFormValues } from './user-form.ts';
import { UserFields } from './user-fields.tsx';

const fields = ['name', 'role', 'team', 'capacity', 'weight', 'awayUntil', 'active'] as const;

/**
 * A side panel with one person's settings: role, team, capacity, weight, away date, active; and a
 * password reset. Only what changed is sent; the API's answer to a bad value shows at its field.
 */
export function EditUserPanel(props: { user: OrganisationUser; teams: readonly Team[]; timeZone: string; onClose(): void }) {
  const { user } = props;
  const me = useMe();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [initial] = useState<UserFormValues>(() => userFormValuesOf(user, props.timeZone));
  const [values, setValues] = useState<UserFormValues>(initial);
  const [ownErrors, setOwnErrors] = useState<UserFormErrors>({});
  const [nothingChanged, setNothingChanged] = useState(false);
  const isMe = user.id === me.user.id;

  const save = useMutation({
    mutationFn: (changes: UserChangesBody) => dataOf(api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: changes })),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: adminQueryKey });
      if (isMe) void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
      toast.show(`Saved ${saved.name}.`, 'success');
      props.onClose();
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { changes, errors } = userChangesOf(initial, values);
    setOwnErrors(errors);
    setNothingChanged(false);
    if (Object.keys(errors).length > 0) return;
    if (Object.keys(changes).length === 0) {
      setNothingChanged(true);
      return;
    }
    save.mutate(changes);
  };

  const refused = isApiError(save.error) ? save.error : null;
  const errorOf = (field: (typeof fields)[number] | 'email') => ownErrors[field as keyof UserFormErrors] ?? refused?.issueAt(field);
  const formError = formLevelError(save.error, fields);
  return (
    <Dialog
      placement="side"
      title={`Edit ${user.name}`}
      description={user.email}
      onClose={props.onClose}
      footer={
        <>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" form="lp-edit-user-form" variant="primary" busy={save.isPending}>
            Save changes
          </Button>
        </>
      }
    >
      <form id="lp-edit-user-form" className="lp-admin-form" onSubmit={submit} noValidate>
        {formError ? <InlineError title="Nothing was saved." error={formError} /> : null}
        {nothingChanged ? (
          <p className="lp-admin-muted" role="status">
            Nothing has changed yet.
          </p>
        ) : null}
        {isMe ? <p className="lp-admin-note">This is you: changing your own role or deactivating yourself ends your admin access.</p> : null}
        <UserFields values={values} onChange={setValues} errorOf={errorOf} teams={props.teams} timeZone={props.timeZone} mode="edit" />
      </form>
      <section className="lp-admin-panel-section" aria-labelledby="lp-password-heading">
        <h3 id="lp-password-heading" className="lp-admin-panel-section__title">
          Password
        </h3>
        {isMe ? (
          <p className="lp-admin-muted">
            Change your own password under <Link to="/account">Your account</Link>.
          </p>
        ) : (
          <PasswordReset user={user} />
        )}
      </section>
      <p className="lp-admin-panel-links">
        <Link to="/admin/audit" search={{ entityType: 'user', entityId: user.id }}>
          See the changes to {user.name} in the audit log
        </Link>
      </p>
    </Dialog>
  );
}

/** Replaces a password with a generated one, after a confirmation: it signs the person out everywhere. */
function PasswordReset(props: { user: OrganisationUser }) {
  const [confirming, setConfirming] = useState(false);
  const reset = useMutation({
    mutationFn: () => dataOf(api.POST('/api/users/{id}/password', { params: { path: { id: props.user.id } }, body: {} })),
    // The answer holds the password: dropped from the cache as soon as the panel closes.
    gcTime: 0,
  });

  if (reset.data?.generatedPassword) {
    return (
      <SecretReveal
        label={`New password for ${props.user.email}`}
        secret={reset.data.generatedPassword}
        warning="Shown only now. Their sessions have ended; hand the password over through a safe channel."
      />
    );
  }
  if (!confirming) {
    return (
      <div className="lp-admin-stack">
        <p className="lp-admin-muted">Forgotten, or never set? Generate a new one to hand over. leadpact sends no e-mail.</p>
        <div>
          <Button onClick={() => setConfirming(true)}>Generate a new password</Button>
        </div>
      </div>
    );
  }
  return (
    <div className="lp-admin-stack">
      <p>
        {props.user.name}’s current password stops working and they are signed out everywhere. Go on?
      </p>
      {reset.error ? <InlineError title="The password was not changed." error={reset.error} /> : null}
      <div className="lp-admin-actions">
        <Button onClick={() => setConfirming(false)} disabled={reset.isPending}>
          Keep the password
        </Button>
        <Button variant="danger" busy={reset.isPending} onClick={() => reset.mutate()}>
          Generate and sign out
        </Button>
      </div>
    </div>
  );
}
