import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { actingUserId } from '../../core/access/acting-user.ts';
import { AppError } from '../../errors/app-error.ts';
import { findApiKeyById } from '../../modules/identity/api-key.repository.ts';
import { createApiKey } from '../../modules/identity/create-api-key.ts';
import { listApiKeys } from '../../modules/identity/list-api-keys.ts';
import { revokeApiKey } from '../../modules/identity/revoke-api-key.ts';
import { findUserById } from '../../modules/team/user.repository.ts';
import type { AppEnv } from '../app-env.ts';
import { errorResponseSchema, validationHook } from '../error-response.ts';
import { requestAuditActor } from '../request-actor.ts';
import { requireAdmin, requireScope } from '../require-scope.ts';
import { apiKeyListQuerySchema, apiKeySchema, createdApiKeySchema, newApiKeyBodySchema, presentApiKey } from '../schemas/auth.schemas.ts';

const errorContent = { 'application/json': { schema: errorResponseSchema } };
const tags = ['Users, sign-in and API keys'];

/**
 * API keys: made by a signed-in user (or with an admin key), shown once, listed without secrets,
 * revoked. Managing keys with a key needs the `admin` scope, so a narrow key can never mint a wider one.
 */
export function apiKeyRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/api-keys',
      tags,
      summary: 'Create an API key (the whole key is in this response only)',
      description: 'Scopes narrow what the key may do; a scope your role cannot grant is refused (403). Admins may create a key for another user with `userId`.',
      request: { body: { content: { 'application/json': { schema: newApiKeyBodySchema } }, required: true } },
      responses: {
        201: { description: 'The key, with its secret shown this once', content: { 'application/json': { schema: createdApiKeySchema } } },
        400: { description: 'Invalid input', content: errorContent },
        403: { description: 'A scope beyond the owner’s role, or another user’s key without being an admin', content: errorContent },
      },
    }),
    async (c) => {
      const principal = requireScope(c, 'admin');
      const services = c.get('services');
      const body = c.req.valid('json');
      const self = actingUserId(principal);
      const ownerId = body.userId ?? self;
      if (ownerId === null) throw AppError.validation([{ path: 'userId', message: 'say whose key it is' }]);
      if (ownerId !== self) requireAdmin(c);
      const owner = await findUserById(services.database.db, ownerId);
      if (!owner) throw AppError.validation([{ path: 'userId', message: `no user ${ownerId}` }]);
      const created = await createApiKey(services.database.db, { owner, name: body.name, scopes: body.scopes, now: services.now(), actor: requestAuditActor(c) });
      const stored = await findApiKeyById(services.database.db, created.key.id);
      return c.json({ ...presentApiKey(stored!), key: created.secretText }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/api-keys',
      tags,
      summary: 'Your API keys (admins: anyone’s with userId or all=true), newest first, never with their secret',
      request: { query: apiKeyListQuerySchema },
      responses: {
        200: { description: 'The keys', content: { 'application/json': { schema: z.object({ apiKeys: z.array(apiKeySchema) }) } } },
        400: { description: 'Invalid filter', content: errorContent },
        403: { description: 'Other people’s keys without being an admin', content: errorContent },
      },
    }),
    async (c) => {
      const principal = requireScope(c, 'admin');
      const query = c.req.valid('query');
      const keys = await listApiKeys(c.get('services').database.db, { principal, ...(query.userId !== undefined ? { userId: query.userId } : {}), everyone: query.all });
      return c.json({ apiKeys: keys.map(presentApiKey) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/api-keys/{id}',
      tags,
      summary: 'Revoke an API key (yours, or anyone’s as an admin); it stops working at once',
      request: { params: z.object({ id: z.uuid('not an API key id (uuid)').openapi({ param: { name: 'id', in: 'path' } }) }) },
      responses: {
        200: { description: 'The revoked key', content: { 'application/json': { schema: apiKeySchema } } },
        400: { description: 'Not a key id (uuid)', content: errorContent },
        404: { description: 'No such key (or not yours)', content: errorContent },
      },
    }),
    async (c) => {
      const principal = requireScope(c, 'admin');
      const services = c.get('services');
      const key = await revokeApiKey(services.database.db, { keyId: c.req.valid('param').id, principal, actor: requestAuditActor(c), now: services.now() });
      return c.json(presentApiKey(key), 200);
    },
  );

  return app;
}
