import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Principal } from '../../core/access/principal.ts';
import { scopesForRole, isAdminPrincipal } from '../../core/access/role-scopes.ts';
import { AppError } from '../../errors/app-error.ts';
import { changeOwnPassword } from '../../modules/identity/change-own-password.ts';
import { csrfTokenForSession } from '../../modules/identity/secret-token.ts';
import { setUserPassword } from '../../modules/identity/set-user-password.ts';
import { signIn } from '../../modules/identity/sign-in.ts';
import { signOut } from '../../modules/identity/sign-out.ts';
import { findUserWithTeamName } from '../../modules/team/user.repository.ts';
import type { AppEnv } from '../app-env.ts';
import { sessionLifetimeOf } from '../authenticate.ts';
import { errorResponseSchema, validationHook } from '../error-response.ts';
import { requestAuditActor } from '../request-actor.ts';
import { clientAddress } from '../request-origin.ts';
import { principalOf, requireAdmin, requireSessionUser } from '../require-scope.ts';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../session-cookie.ts';
import { meSchema, passwordChangeBodySchema, passwordResetBodySchema, passwordResetSchema, signedInSchema, signInBodySchema } from '../schemas/auth.schemas.ts';

const errorContent = { 'application/json': { schema: errorResponseSchema } };
const tags = ['Users, sign-in and API keys'];

async function describeCaller(c: Context<AppEnv>, principal: Principal, sessionToken: string | null): Promise<z.infer<typeof meSchema>> {
  if (principal.kind !== 'user' && principal.kind !== 'api_key') throw new AppError('UNAUTHENTICATED', { userMessage: 'sign in or send an API key' });
  const user = await findUserWithTeamName(c.get('services').database.db, principal.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', { userMessage: 'the user no longer exists' });
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role, teamId: user.team_id, teamName: user.team_name },
    authenticatedBy: principal.kind === 'user' ? 'session' : 'api_key',
    apiKey: principal.kind === 'api_key' ? { id: principal.keyId, name: principal.keyName } : null,
    permissions: principal.kind === 'user' ? [...scopesForRole(principal.role)] : [...principal.scopes],
    isAdmin: isAdminPrincipal(principal),
    csrfToken: sessionToken ? csrfTokenForSession(sessionToken) : null,
  };
}

/** Sign-in, sign-out, who am I, and passwords (own change; admin reset). */
export function authRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/sign-in',
      security: [],
      tags,
      summary: 'Sign in with e-mail and password (sets the session cookie)',
      description:
        'Sets `leadpact_session` (HttpOnly, SameSite=Lax, Secure over TLS) with a new session each time; the browser’s previous session ends. The response carries the `csrfToken` to send as `X-CSRF-Token` with every write. A wrong e-mail or password gets 401 with one message for both; after 5 failures in a row the address is locked for 1, 2, 4 … minutes (429 with Retry-After).',
      request: { body: { content: { 'application/json': { schema: signInBodySchema } }, required: true } },
      responses: {
        200: { description: 'Signed in', content: { 'application/json': { schema: signedInSchema } } },
        400: { description: 'Invalid input', content: errorContent },
        401: { description: 'Wrong e-mail or password', content: errorContent },
        403: { description: 'Posted from another site (Origin or Sec-Fetch-Site): refused so no site can sign a visitor in to an account of its choosing', content: errorContent },
        429: { description: 'Too many failed sign-ins for this address (Retry-After says when to retry)', content: errorContent },
      },
    }),
    async (c) => {
      const services = c.get('services');
      const body = c.req.valid('json');
      const signedIn = await signIn(services.database.db, {
        email: body.email,
        password: body.password,
        now: services.now(),
        lifetime: sessionLifetimeOf(services),
        userAgent: c.req.header('user-agent') ?? null,
        ip: clientAddress(c),
        previousSessionToken: readSessionCookie(c) ?? null,
      });
      setSessionCookie(c, signedIn.token, sessionLifetimeOf(services).absoluteMs / 1000);
      const principal: Principal = { kind: 'user', userId: signedIn.user.id, role: signedIn.user.role, teamId: signedIn.user.team_id, email: signedIn.user.email, sessionId: signedIn.sessionId };
      return c.json({ ...(await describeCaller(c, principal, signedIn.token)), sessionExpiresAt: signedIn.expiresAt.toISOString() }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/sign-out',
      security: [{}, { session: [] }],
      tags,
      summary: 'Sign out: ends the session and clears the cookie (nothing to do without one)',
      responses: { 204: { description: 'Signed out' }, 403: { description: 'A cross-site request or no X-CSRF-Token', content: errorContent } },
    }),
    async (c) => {
      const token = c.get('sessionToken') as string | undefined;
      if (token) await signOut(c.get('services').database.db, { token });
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/auth/me',
      tags,
      summary: 'Who is calling: user, role, team, what they may do, and the CSRF token of the session',
      responses: { 200: { description: 'The caller', content: { 'application/json': { schema: meSchema } } }, 401: { description: 'Not signed in', content: errorContent } },
    }),
    async (c) => c.json(await describeCaller(c, principalOf(c), (c.get('sessionToken') as string | undefined) ?? null), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/password',
      tags,
      summary: 'Change your own password (signed in with the session; your other sessions end)',
      request: { body: { content: { 'application/json': { schema: passwordChangeBodySchema } }, required: true } },
      responses: {
        204: { description: 'Changed' },
        400: { description: 'The new password breaks a rule', content: errorContent },
        403: { description: 'The current password is wrong, or not signed in with a session', content: errorContent },
        429: { description: 'Too many wrong passwords (Retry-After)', content: errorContent },
      },
    }),
    async (c) => {
      const principal = requireSessionUser(c);
      const services = c.get('services');
      const body = c.req.valid('json');
      await changeOwnPassword(services.database.db, {
        userId: principal.userId,
        email: principal.email,
        currentPassword: body.currentPassword,
        newPassword: body.newPassword,
        keepSessionId: principal.sessionId,
        now: services.now(),
      });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/users/{id}/password',
      tags,
      summary: 'Admins: set or reset a user’s password (generated and returned once when not given); their sessions end',
      request: {
        params: z.object({ id: z.uuid('not a user id (uuid)').openapi({ param: { name: 'id', in: 'path' } }) }),
        body: { content: { 'application/json': { schema: passwordResetBodySchema } }, required: true },
      },
      responses: {
        200: { description: 'Set', content: { 'application/json': { schema: passwordResetSchema } } },
        400: { description: 'The password breaks a rule', content: errorContent },
        403: { description: 'Not an admin', content: errorContent },
        404: { description: 'No such user', content: errorContent },
      },
    }),
    async (c) => {
      requireAdmin(c);
      const services = c.get('services');
      const body = c.req.valid('json');
      const result = await setUserPassword(services.database.db, {
        user: c.req.valid('param').id,
        ...(body.password !== undefined ? { password: body.password } : {}),
        now: services.now(),
        actor: requestAuditActor(c),
      });
      return c.json({ userId: result.user.id, email: result.user.email, generatedPassword: result.generatedPassword }, 200);
    },
  );

  return app;
}
