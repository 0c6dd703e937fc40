import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { api, dataOf } from '../api/api-client.ts';
import { isApiError } from '../api/api-error.ts';
import { useMe } from '../auth/session-query.ts';
import { roleLabels } from '../shell/role-labels.ts';
import { Button } from '../ui/button.tsx';
import { Checkbox } from '../ui/checkbox.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { Field } from '../ui/field.tsx';
import { Icon } from '../ui/icon.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { Input } from '../ui/input.tsx';
import { SecretReveal } from '../ui/secret-reveal.tsx';
import { Select } from '../ui/select.tsx';
import { adminQueryKey } from './admin-queries.ts';
import type { ApiScope, CreatedApiKey, OrganisationUser } from './admin-types.ts';
import { apiScopeChoices, orderedScopes } from './api-key-scopes.ts';
import { formLevelError, issuesUnder } from '../api/field-issues.ts';

interface NewKeyRequest {
  name: string;
  scopes: ApiScope[];
  userId: string;
}

/**
 * Makes an API key: a name, whose it is, and its scopes. The whole key comes back once, in the
 * create response; the dialog shows it with a copy button until it is closed, and then it is gone
 * (only its hash is kept, on the server).
 */
export function NewApiKeyDialog(props: { users: readonly OrganisationUser[]; onClose(): void }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [ownerId, setOwnerId] = useState(me.user.id);
  const [scopes, setScopes] = useState<ReadonlySet<ApiScope>>(new Set());
  const [ownErrors, setOwnErrors] = useState<{ name?: string; scopes?: string }>({});
  const scopesErrorId = useId();

  const create = useMutation({
    mutationFn: (body: NewKeyRequest) => dataOf(api.POST('/api/api-keys', { body })),
    // The answer holds the whole key: dropped from the cache as soon as the dialog closes.
    gcTime: 0,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminQueryKey }),
  });

  // The scopes run past the fold: a refusal about them is brought into view where it is shown.
  const serverScopesError = issuesUnder(create.error, 'scopes');
  useEffect(() => {
    if (serverScopesError) document.getElementById(scopesErrorId)?.scrollIntoView({ block: 'nearest' });
  }, [serverScopesError, scopesErrorId]);

  if (create.data) return <CreatedKey created={create.data} onClose={props.onClose} />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = { name: name.trim() ? undefined : 'Give the key a name, such as “CRM sync”.', scopes: scopes.size > 0 ? undefined : 'Tick at least one scope.' };
    setOwnErrors(errors);
    if (errors.name || errors.scopes) return;
    create.mutate({ name: name.trim(), scopes: orderedScopes(scopes), userId: ownerId });
  };
  const toggle = (scope: ApiScope, on: boolean) => {
    const next = new Set(scopes);
    if (on) next.add(scope);
    else next.delete(scope);
    setScopes(next);
  };

  const owners = props.users.filter((user) => user.active);
  const owner = owners.find((user) => user.id === ownerId);
  const refused = isApiError(create.error) ? create.error : null;
  const scopesError = ownErrors.scopes ?? serverScopesError;
  const formError = formLevelError(create.error, ['name', 'scopes', 'userId']);
  return (
    <Dialog
      title="New API key"
      size="lg"
      description="For a script or an integration. It acts as its owner, never beyond the owner’s role, and only within its scopes."
      onClose={props.onClose}
      footer={
        <>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" form="lp-new-key-form" variant="primary" busy={create.isPending}>
            Create key
          </Button>
        </>
      }
    >
      <form id="lp-new-key-form" className="lp-admin-form" onSubmit={submit} noValidate>
        {formError ? <InlineError title="The key was not created." error={formError} /> : null}
        <Field label="Name" hint="What uses it, so you know what breaks when you revoke it." error={ownErrors.name ?? refused?.issueAt('name')}>
          {(control) => <Input {...control} value={name} autoComplete="off" placeholder="CRM sync" onChange={(event) => setName(event.target.value)} />}
        </Field>
        <Field label="Owner" hint="The key acts as this person; deactivating them stops it." error={refused?.issueAt('userId')}>
          {(control) => (
            <Select
              {...control}
              value={ownerId}
              options={(owners.length > 0 ? owners : [{ id: me.user.id, name: me.user.name, email: me.user.email, role: me.user.role }]).map((user) => ({
                value: user.id,
                label: `${user.name} · ${roleLabels[user.role]}${user.id === me.user.id ? ' (you)' : ''}`,
              }))}
              onChange={(event) => setOwnerId(event.target.value)}
            />
          )}
        </Field>
        <fieldset className="lp-admin-scopes" aria-describedby={scopesError ? scopesErrorId : undefined} aria-invalid={scopesError ? true : undefined}>
          <legend className="lp-field__label">Scopes</legend>
          <p className="lp-field__hint">
            What the key may do{owner && owner.role !== 'admin' ? `; a ${roleLabels[owner.role].toLowerCase()} cannot grant every scope, and the server refuses those` : ''}.
          </p>
          {scopesError ? (
            <p id={scopesErrorId} className="lp-field__error">
              <Icon name="alert" size={14} />
              <span>{scopesError}</span>
            </p>
          ) : null}
          <div className="lp-admin-scopes__grid">
            {apiScopeChoices.map((choice) => (
              <Checkbox
                key={choice.scope}
                checked={scopes.has(choice.scope)}
                onChange={(event) => toggle(choice.scope, event.target.checked)}
                label={<code>{choice.scope}</code>}
                description={choice.description}
              />
            ))}
          </div>
        </fieldset>
      </form>
    </Dialog>
  );
}

function CreatedKey(props: { created: CreatedApiKey; onClose(): void }) {
  const { created } = props;
  return (
    <Dialog
      title={`Copy the key “${created.name}” now`}
      description={`For ${created.userEmail}, with ${created.scopes.join(', ')}.`}
      onClose={props.onClose}
      footer={
        <Button variant="primary" onClick={props.onClose}>
          Done
        </Button>
      }
    >
      <div className="lp-admin-form">
        <SecretReveal
          label="API key"
          secret={created.key}
          warning="This is the only time the key is shown: leadpact keeps just a hash of it. Store it now in your secret manager. A lost key cannot be recovered — revoke it and make a new one."
        />
        <p className="lp-admin-muted">
          Send it with each request as <code>Authorization: Bearer &lt;key&gt;</code>.
        </p>
      </div>
    </Dialog>
  );
}
