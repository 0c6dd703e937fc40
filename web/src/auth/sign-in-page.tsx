import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { api, dataOf, rememberCsrfToken } from '../api/api-client.ts';
import { isApiError } from '../api/api-error.ts';
import { landingPathFor } from '../shell/navigation.ts';
import { Button } from '../ui/button.tsx';
import { Field } from '../ui/field.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { Input } from '../ui/input.tsx';
import { formatRetryWait } from './format-retry-wait.ts';
import { safeNextPath } from './safe-next-path.ts';
import { meQuery } from './session-query.ts';
import './sign-in-page.css';

const route = getRouteApi('/sign-in');

interface FieldErrors {
  email?: string;
  password?: string;
}

/** Where each refusal of the sign-in is shown: next to the field it concerns, else above the form. */
function errorsOf(error: unknown): { fields: FieldErrors; form: unknown } {
  if (!isApiError(error)) return { fields: {}, form: error ?? null };
  if (error.status === 401) return { fields: { password: 'Wrong e-mail or password.' }, form: null };
  if (error.status === 429) {
    const wait = error.retryAfterSeconds === null ? 'later' : formatRetryWait(error.retryAfterSeconds);
    return { fields: {}, form: new Error(`Too many failed sign-ins. Try again ${wait}.`) };
  }
  const fields: FieldErrors = { email: error.issueAt('email'), password: error.issueAt('password') };
  return { fields, form: fields.email || fields.password ? null : error };
}

/** Sign-in with e-mail and password; returns to the page the user came from (`?next=`). */
export function SignInPage() {
  const search = route.useSearch();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<FieldErrors>({});

  const signIn = useMutation({
    mutationFn: (body: { email: string; password: string }) => dataOf(api.POST('/api/auth/sign-in', { body })),
    onSuccess: async (signedIn) => {
      // Nothing loaded for whoever used this browser before may show for this user.
      queryClient.clear();
      rememberCsrfToken(signedIn.csrfToken);
      queryClient.setQueryData(meQuery.queryKey, signedIn);
      const next = safeNextPath(search.next);
      if (next) router.history.push(next);
      else await router.navigate({ to: landingPathFor(signedIn.user.role) });
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const typed = { email: email.trim(), password };
    const empty: FieldErrors = { email: typed.email ? undefined : 'Enter your e-mail address.', password: typed.password ? undefined : 'Enter your password.' };
    setMissing(empty);
    if (empty.email || empty.password) return;
    signIn.mutate(typed);
  };

  const refused = errorsOf(signIn.error);
  const emailError = missing.email ?? refused.fields.email;
  const passwordError = missing.password ?? refused.fields.password;
  return (
    <main className="lp-sign-in">
      <div className="lp-sign-in__panel">
        <span className="lp-brand lp-sign-in__brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          leadpact
        </span>
        <h1 className="lp-sign-in__title">Sign in</h1>
        <p className="lp-sign-in__lead">The pact between marketing and sales, run on every lead.</p>
        {search.expired ? (
          <p className="lp-sign-in__notice" role="status">
            Your session ended. Sign in again to go back to where you were.
          </p>
        ) : null}
        <form className="lp-sign-in__form" onSubmit={submit} noValidate>
          {refused.form ? <InlineError error={refused.form} /> : null}
          <Field label="E-mail" error={emailError}>
            {(control) => <Input {...control} type="email" name="email" autoComplete="username" value={email} onChange={(event) => setEmail(event.target.value)} autoFocus />}
          </Field>
          <Field label="Password" error={passwordError}>
            {(control) => <Input {...control} type="password" name="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />}
          </Field>
          <Button type="submit" variant="primary" busy={signIn.isPending} className="lp-sign-in__submit">
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
        <p className="lp-sign-in__help">Forgot your password? An admin can set a new one for you.</p>
      </div>
    </main>
  );
}
