import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, dataOf } from '../api/api-client.ts';
import { isApiError } from '../api/api-error.ts';
import { useMe } from '../auth/session-query.ts';
import { roleLabels } from '../shell/role-labels.ts';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { Field } from '../ui/field.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { Input } from '../ui/input.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useToast } from '../ui/toast.tsx';
import './account-page.css';

/** Mirrors the server's rule (src/core/identity/password-rules.ts) so the hint is right; the server still decides. */
const minimumPasswordLength = 12;

function ChangePasswordForm() {
  const toast = useToast();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [ownErrors, setOwnErrors] = useState<{ currentPassword?: string; repeated?: string }>({});

  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => dataOf(api.POST('/api/auth/password', { body })),
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
      setRepeated('');
      toast.show('Password changed. Your other sessions were signed out.', 'success');
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = {
      currentPassword: currentPassword ? undefined : 'Enter your current password.',
      repeated: repeated === newPassword ? undefined : 'The two new passwords differ.',
    };
    setOwnErrors(errors);
    if (errors.currentPassword || errors.repeated) return;
    change.mutate({ currentPassword, newPassword });
  };

  const refused = isApiError(change.error) ? change.error : null;
  const currentError = ownErrors.currentPassword ?? refused?.issueAt('currentPassword');
  const newError = refused?.issueAt('newPassword');
  const formError = change.error && !currentError && !newError ? change.error : null;
  return (
    <form className="lp-account__form" onSubmit={submit} noValidate>
      {formError ? <InlineError error={formError} /> : null}
      <Field label="Current password" error={currentError}>
        {(control) => <Input {...control} type="password" autoComplete="current-password" value={currentPassword} onChange={(event) => setCurrentPassword(event.target.value)} />}
      </Field>
      <Field label="New password" hint={`At least ${minimumPasswordLength} characters. A few words you will remember beat a short jumble.`} error={newError}>
        {(control) => <Input {...control} type="password" autoComplete="new-password" value={newPassword} onChange={(event) => setNewPassword(event.target.value)} />}
      </Field>
      <Field label="New password again" error={ownErrors.repeated}>
        {(control) => <Input {...control} type="password" autoComplete="new-password" value={repeated} onChange={(event) => setRepeated(event.target.value)} />}
      </Field>
      <div>
        <Button type="submit" variant="primary" busy={change.isPending}>
          Change password
        </Button>
      </div>
    </form>
  );
}

/** Who you are signed in as, and your password. */
export function AccountPage() {
  const me = useMe();
  const facts: [string, string][] = [
    ['Name', me.user.name],
    ['E-mail', me.user.email],
    ['Role', roleLabels[me.user.role]],
    ['Team', me.user.teamName ?? 'No team'],
  ];
  return (
    <div className="lp-account">
      <PageHeader title="Your account" description="Who you are signed in as, and your password." />
      <div className="lp-account__grid">
        <Card title="You">
          <dl className="lp-account__facts">
            {facts.map(([term, value]) => (
              <div key={term}>
                <dt>{term}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title="Change password">
          <ChangePasswordForm />
        </Card>
      </div>
    </div>
  );
}
