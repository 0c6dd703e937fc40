import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getOpportunity } from '../../modules/opportunities/get-opportunity.ts';
import { listOpportunities } from '../../modules/opportunities/list-opportunities.ts';
import { updateOpportunity } from '../../modules/opportunities/update-opportunity.ts';
import type { AppEnv } from '../app-env.ts';
import { errorResponseSchema, validationHook } from '../error-response.ts';
import { requestAuditActor } from '../request-actor.ts';
import { accessOf } from '../request-access.ts';
import { requireScope } from '../require-scope.ts';
import { opportunityChangesBodySchema, opportunityListQuerySchema, opportunitySchema, presentOpportunity } from '../schemas/opportunity.schemas.ts';

const errorContent = { 'application/json': { schema: errorResponseSchema } };
const errors = {
  400: { description: 'Invalid input; each issue names the field', content: errorContent },
  403: { description: 'The caller’s role may not do this, or may see this opportunity but not change it', content: errorContent },
  404: { description: 'No such opportunity, or not one the caller may see', content: errorContent },
  409: { description: 'The opportunity is already closed', content: errorContent },
};
const idParam = z.object({ id: z.uuid('not an opportunity id (uuid)').openapi({ param: { name: 'id', in: 'path' } }) });

/** Opportunities (an SQL's deal: value and close date), scoped like leads by the access policy. */
export function opportunityRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/opportunities',
      tags: ['Opportunities'],
      summary: 'List the opportunities the caller may see, most recently opened first (cursor pagination)',
      description: 'Admins and marketing see all, a sales manager their team’s, a sales rep their own (and their team’s when LEADPACT_REPS_SEE_TEAM is on); executives get 403.',
      request: { query: opportunityListQuerySchema },
      responses: {
        200: { description: 'A page of opportunities', content: { 'application/json': { schema: z.object({ opportunities: z.array(opportunitySchema), nextCursor: z.string().nullable() }) } } },
        400: errors[400],
        403: errors[403],
      },
    }),
    async (c) => {
      requireScope(c, 'accounts:read');
      const query = c.req.valid('query');
      const page = await listOpportunities(c.get('services').database.db, {
        filter: {
          ...(query.status ? { status: query.status } : {}),
          ...(query.owner ? { owner: query.owner } : {}),
          ...(query.account ? { accountId: query.account } : {}),
          ...(query.lead ? { leadId: query.lead } : {}),
        },
        cursor: query.cursor,
        limit: query.limit,
        access: accessOf(c),
      });
      return c.json({ opportunities: page.opportunities.map(presentOpportunity), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/opportunities/{id}',
      tags: ['Opportunities'],
      summary: 'One opportunity with its owner and account',
      request: { params: idParam },
      responses: { 200: { description: 'The opportunity', content: { 'application/json': { schema: opportunitySchema } } }, 400: errors[400], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      requireScope(c, 'accounts:read');
      return c.json(presentOpportunity(await getOpportunity(c.get('services').database.db, { opportunityId: c.req.valid('param').id, access: accessOf(c) })), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/opportunities/{id}',
      tags: ['Opportunities'],
      summary: 'Change an opportunity’s name, amount or close day, or close it as won or lost with the reason (audited)',
      request: { params: idParam, body: { content: { 'application/json': { schema: opportunityChangesBodySchema } }, required: true } },
      responses: { 200: { description: 'The opportunity', content: { 'application/json': { schema: opportunitySchema } } }, 400: errors[400], 403: errors[403], 404: errors[404], 409: errors[409] },
    }),
    async (c) => {
      requireScope(c, 'accounts:write');
      const services = c.get('services');
      const access = accessOf(c);
      const updated = await updateOpportunity(services.database.db, { opportunityId: c.req.valid('param').id, changes: c.req.valid('json'), access, actor: requestAuditActor(c), now: services.now() });
      return c.json(presentOpportunity(await getOpportunity(services.database.db, { opportunityId: updated.id, access })), 200);
    },
  );

  return app;
}
