import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listTouches } from '../../modules/touches/list-touches.ts';
import { recordTouch } from '../../modules/touches/record-touch.ts';
import type { AppEnv } from '../app-env.ts';
import { requireScope } from '../require-scope.ts';
import { errorResponseSchema, validationHook } from '../error-response.ts';
import { requestActor } from '../request-actor.ts';
import { accessOf } from '../request-access.ts';
import { presentLeadAfterTouch, presentTouch, touchBodySchema, touchListQuerySchema, touchOutcomeSchema, touchSchema } from '../schemas/touch.schemas.ts';

const errorContent = { 'application/json': { schema: errorResponseSchema } };

export function touchRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/touches',
      tags: ['Touches'],
      summary: 'Record a marketing interaction on a lead; the lead is rescored and, if it becomes an MQL, routed',
      description: 'The same lead, type, occurredAt and campaign posted again adds nothing and answers 200 with `duplicate: true`.',
      request: { body: { content: { 'application/json': { schema: touchBodySchema } }, required: true } },
      responses: {
        201: { description: 'Recorded; the lead’s new score, grade and stage', content: { 'application/json': { schema: touchOutcomeSchema } } },
        200: { description: 'Already recorded before: nothing changed', content: { 'application/json': { schema: touchOutcomeSchema } } },
        400: { description: 'Invalid input; each issue names the field', content: errorContent },
        403: { description: 'The caller may see the lead but not record touches on it, or reads no leads at all', content: errorContent },
        404: { description: 'No such lead, or not one the caller may see', content: errorContent },
        409: { description: 'The lead was merged into another; the message names the survivor', content: errorContent },
      },
    }),
    async (c) => {
      requireScope(c, 'leads:write');
      const services = c.get('services');
      const recorded = await recordTouch(services.database.db, { input: c.req.valid('json'), actor: requestActor(c, 'API'), now: services.now(), access: accessOf(c) });
      const body = { duplicate: recorded.duplicate, touch: presentTouch(recorded.touch), lead: presentLeadAfterTouch(recorded.lead) };
      return recorded.duplicate ? c.json(body, 200) : c.json(body, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/touches',
      tags: ['Touches'],
      summary: 'List touches of the leads the caller may see, most recent first (by lead, campaign or type; cursor pagination)',
      request: { query: touchListQuerySchema },
      responses: {
        200: { description: 'A page of touches', content: { 'application/json': { schema: z.object({ touches: z.array(touchSchema), nextCursor: z.string().nullable() }) } } },
        400: { description: 'Invalid filter; each issue names the parameter', content: errorContent },
        403: { description: 'The caller’s role reads no leads (executives)', content: errorContent },
      },
    }),
    async (c) => {
      requireScope(c, 'leads:read');
      const query = c.req.valid('query');
      const page = await listTouches(c.get('services').database.db, { ...query, access: accessOf(c) });
      return c.json({ touches: page.touches.map(presentTouch), nextCursor: page.nextCursor }, 200);
    },
  );

  return app;
}
