import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listCampaigns } from '../../modules/campaigns/list-campaigns.ts';
import { createCampaign } from '../../modules/campaigns/create-campaign.ts';
import { getCampaign } from '../../modules/campaigns/get-campaign.ts';
import { updateCampaign } from '../../modules/campaigns/update-campaign.ts';
import type { AppEnv } from '../app-env.ts';
import { requireScope } from '../require-scope.ts';
import { errorResponseSchema, validationHook } from '../error-response.ts';
import { requestAuditActor } from '../request-actor.ts';
import { accessOf } from '../request-access.ts';
import { campaignChangesBodySchema, campaignSchema, newCampaignBodySchema, presentCampaign } from '../schemas/campaign.schemas.ts';

const errorContent = { 'application/json': { schema: errorResponseSchema } };
const errors = {
  400: { description: 'Invalid input; each issue names the field', content: errorContent },
  403: { description: 'Only admins and marketing create and change campaigns', content: errorContent },
  404: { description: 'No such campaign', content: errorContent },
  409: { description: 'Another campaign has this name', content: errorContent },
};
const idParam = z.object({ id: z.uuid('not a campaign id (uuid)').openapi({ param: { name: 'id', in: 'path' } }) });

export function campaignRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/campaigns',
      tags: ['Campaigns'],
      summary: 'Campaigns with their cost, lead count and touch count',
      responses: { 200: { description: 'Every campaign, newest start first', content: { 'application/json': { schema: z.object({ campaigns: z.array(campaignSchema) }) } } } },
    }),
    async (c) => {
      requireScope(c, 'campaigns:read');
      return c.json({ campaigns: (await listCampaigns(c.get('services').database.db, { access: accessOf(c) })).map(presentCampaign) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/campaigns/{id}',
      tags: ['Campaigns'],
      summary: 'A campaign with its lead and touch counts',
      request: { params: idParam },
      responses: { 200: { description: 'The campaign', content: { 'application/json': { schema: campaignSchema } } }, 400: errors[400], 404: errors[404] },
    }),
    async (c) => {
      requireScope(c, 'campaigns:read');
      return c.json(presentCampaign(await getCampaign(c.get('services').database.db, { campaignId: c.req.valid('param').id, access: accessOf(c) })), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/campaigns',
      tags: ['Campaigns'],
      summary: 'Create a campaign (name unique ignoring case; cost in minor units)',
      request: { body: { content: { 'application/json': { schema: newCampaignBodySchema } }, required: true } },
      responses: { 201: { description: 'The campaign', content: { 'application/json': { schema: campaignSchema } } }, 400: errors[400], 403: errors[403], 409: errors[409] },
    }),
    async (c) => {
      requireScope(c, 'campaigns:write');
      const db = c.get('services').database.db;
      const access = accessOf(c);
      const campaign = await createCampaign(db, { input: c.req.valid('json'), actor: requestAuditActor(c), access });
      return c.json(presentCampaign(await getCampaign(db, { campaignId: campaign.id, access })), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/campaigns/{id}',
      tags: ['Campaigns'],
      summary: 'Change a campaign’s name, channel, source, cost or dates (audited)',
      request: { params: idParam, body: { content: { 'application/json': { schema: campaignChangesBodySchema } }, required: true } },
      responses: { 200: { description: 'The campaign', content: { 'application/json': { schema: campaignSchema } } }, 400: errors[400], 403: errors[403], 404: errors[404], 409: errors[409] },
    }),
    async (c) => {
      requireScope(c, 'campaigns:write');
      const services = c.get('services');
      const access = accessOf(c);
      const campaign = await updateCampaign(services.database.db, { campaignId: c.req.valid('param').id, changes: c.req.valid('json'), actor: requestAuditActor(c), now: services.now(), access });
      return c.json(presentCampaign(await getCampaign(services.database.db, { campaignId: campaign.id, access })), 200);
    },
  );

  return app;
}
