import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../errors/app-error.ts';
import { getLead } from '../../modules/leads/get-lead.ts';
import { exportLeadsCsv, leadCsvHeader } from '../../modules/leads/export-leads-csv.ts';
import { listLeads } from '../../modules/leads/list-leads.ts';
import { mergeLeads } from '../../modules/leads/merge-leads.ts';
import { markLeadJunk, restoreJunkLead } from '../../modules/leads/change-junk-status.ts';
import { updateLead } from '../../modules/leads/update-lead.ts';
import { assertRoleMay } from '../../modules/access/enforce-access.ts';
import type { AppEnv } from '../app-env.ts';
import { requireScope } from '../require-scope.ts';
import { errorResponseSchema, validationHook } from '../error-response.ts';
import { requestActor } from '../request-actor.ts';
import { accessOf } from '../request-access.ts';
import {
  captureOutcomeSchema,
  leadChangesBodySchema,
  leadInputBodySchema,
  leadSchema,
  presentLead,
} from '../schemas/lead.schemas.ts';
import { leadExportQuerySchema, leadFilterOf, leadListPageSchema, leadListQuerySchema, presentLeadSummary } from '../schemas/lead-list.schemas.ts';
import { csvDownload, datedCsvFileName } from '../csv-body.ts';
import { leadDetailSchema, presentLeadDetail } from '../schemas/lead-detail.schemas.ts';

const errors = {
  400: { description: 'Invalid input; each issue names the field', content: { 'application/json': { schema: errorResponseSchema } } },
  403: { description: 'The caller’s role may not do this, or may see this lead but not change it this way', content: { 'application/json': { schema: errorResponseSchema } } },
  404: { description: 'No such lead, or not one the caller may see', content: { 'application/json': { schema: errorResponseSchema } } },
  409: { description: 'Conflicts with the lead’s current state', content: { 'application/json': { schema: errorResponseSchema } } },
};
// Validated as a uuid here, not only documented as one: a malformed id must be a 400, never reach SQL.
const idParam = z.object({ id: z.uuid('not a lead id (uuid)').openapi({ param: { name: 'id', in: 'path' } }) });

export function leadRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/leads',
      tags: ['Leads'],
      summary: 'Capture a lead (normalize, dedupe, score, route)',
      description: 'The same pipeline as imports and web forms. A known person (same e-mail in any spelling, or same external id) becomes a touch on the existing lead, never a second lead.',
      request: { body: { content: { 'application/json': { schema: leadInputBodySchema } }, required: true } },
      responses: {
        201: { description: 'A new lead was created (stage junk if the pact says so)', content: { 'application/json': { schema: captureOutcomeSchema } } },
        200: { description: 'Merged into an existing lead', content: { 'application/json': { schema: captureOutcomeSchema } } },
        400: errors[400],
        403: errors[403],
      },
    }),
    async (c) => {
      requireScope(c, 'leads:write', 'capture');
      // The capture pipeline is shared with imports and web forms; who may feed it is asked here.
      assertRoleMay(accessOf(c), 'lead:capture');
      const services = c.get('services');
      const result = await services.captureBatcher.capture({ input: c.req.valid('json') }, requestActor(c, 'API'), 'form_fill');
      if (result.outcome === 'rejected') throw AppError.validation(result.issues);
      return result.outcome === 'merged' ? c.json(result, 200) : c.json(result, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/leads',
      tags: ['Leads'],
      summary: 'List the leads the caller may see (filters, text search, sort, cursor pagination, total)',
      description:
        'Admins and marketing see every lead, a sales manager their team’s, a sales rep their own (and their team’s when LEADPACT_REPS_SEE_TEAM is on); executives get 403. `total` counts every matching lead the caller may see. A `cursor` only continues the `sort` it was made for (400 naming `cursor` otherwise).',
      request: { query: leadListQuerySchema },
      responses: {
        200: { description: 'A page of leads in `sort` order (default newest first)', content: { 'application/json': { schema: leadListPageSchema } } },
        400: errors[400],
        403: errors[403],
      },
    }),
    async (c) => {
      requireScope(c, 'leads:read');
      const query = c.req.valid('query');
      const page = await listLeads(c.get('services').database.db, { filter: leadFilterOf(query), sort: query.sort, cursor: query.cursor, limit: query.limit, access: accessOf(c) });
      return c.json({ leads: page.leads.map(presentLeadSummary), nextCursor: page.nextCursor, total: page.total }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/leads.csv',
      tags: ['Leads'],
      summary: 'Every lead the caller may see that matches the filters, as CSV (same filters and sort as the list)',
      description:
        'Streamed, header row first. Cells a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) get a leading single quote. Named `leads-YYYY-MM-DD.csv` (UTC).',
      request: { query: leadExportQuerySchema },
      responses: {
        200: { description: 'CSV', content: { 'text/csv': { schema: z.string().openapi({ description: `Columns: ${leadCsvHeader.join(', ')}` }) } } },
        400: errors[400],
        403: errors[403],
      },
    }),
    async (c) => {
      requireScope(c, 'leads:read');
      const query = c.req.valid('query');
      const services = c.get('services');
      const chunks = await exportLeadsCsv(services.database.db, { filter: leadFilterOf(query), sort: query.sort, access: accessOf(c) });
      return csvDownload(c, chunks, datedCsvFileName('leads', services.now()));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/leads/{id}',
      tags: ['Leads'],
      summary: 'A lead with its score explanation, routing reason, touches and history',
      request: { params: idParam },
      responses: { 200: { description: 'The lead', content: { 'application/json': { schema: leadDetailSchema } } }, 400: errors[400], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      requireScope(c, 'leads:read');
      const detail = await getLead(c.get('services').database.db, { leadId: c.req.valid('param').id, access: accessOf(c) });
      return c.json(presentLeadDetail(detail), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/leads/{id}',
      tags: ['Leads'],
      summary: 'Correct contact details, hand the lead to someone, or move its stage (audited, on the timeline)',
      description:
        'Contact fields are normalized like a capture and the lead is rescored. `ownerId`: admins, or a sales manager within their team. `stage`: one step along inquiry → mql → sal → sql → won | lost, or out of an open stage to `disqualified` (with `dispositionCode`) or `recycled` (with `recycleUntil`, or a recycling disposition); skipping or going back is for admins. `score`, `grade`, `fitScore` and `engagementScore` follow from the pact and are refused with 400.',
      request: { params: idParam, body: { content: { 'application/json': { schema: leadChangesBodySchema } }, required: true } },
      responses: { 200: { description: 'The lead after the change', content: { 'application/json': { schema: leadSchema } } }, 400: errors[400], 403: errors[403], 404: errors[404], 409: errors[409] },
    }),
    async (c) => {
      requireScope(c, 'leads:write');
      const services = c.get('services');
      const lead = await updateLead(services.database.db, { leadId: c.req.valid('param').id, changes: c.req.valid('json'), access: accessOf(c), actor: requestActor(c, 'API'), now: services.now() });
      return c.json(presentLead(lead), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/leads/{id}/merge',
      tags: ['Leads'],
      summary: 'Merge another lead (a reviewed duplicate) into this one; both histories are kept',
      request: { params: idParam, body: { content: { 'application/json': { schema: z.object({ otherLeadId: z.uuid() }).strict() } }, required: true } },
      responses: { 200: { description: 'The surviving lead', content: { 'application/json': { schema: leadSchema } } }, 400: errors[400], 403: errors[403], 404: errors[404], 409: errors[409] },
    }),
    async (c) => {
      requireScope(c, 'leads:write');
      const services = c.get('services');
      const survivor = await mergeLeads(services.database.db, { survivorId: c.req.valid('param').id, mergedId: c.req.valid('json').otherLeadId, actor: requestActor(c, 'API'), now: services.now(), access: accessOf(c) });
      return c.json(presentLead(survivor), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/leads/{id}/junk',
      tags: ['Leads'],
      summary: 'Mark a lead as junk, with a reason (reversible)',
      request: { params: idParam, body: { content: { 'application/json': { schema: z.object({ reason: z.string().trim().min(3).max(300) }).strict() } }, required: true } },
      responses: { 200: { description: 'The lead, now junk', content: { 'application/json': { schema: leadSchema } } }, 400: errors[400], 403: errors[403], 404: errors[404], 409: errors[409] },
    }),
    async (c) => {
      requireScope(c, 'leads:write');
      const services = c.get('services');
      const lead = await markLeadJunk(services.database.db, { leadId: c.req.valid('param').id, reason: c.req.valid('json').reason, actor: requestActor(c, 'API'), now: services.now(), access: accessOf(c) });
      return c.json(presentLead(lead), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/leads/{id}/restore',
      tags: ['Leads'],
      summary: 'Take a lead out of junk: it is rescored and, if it qualifies, becomes an MQL and is routed',
      request: { params: idParam, body: { content: { 'application/json': { schema: z.object({ reason: z.string().trim().min(3).max(300) }).strict() } }, required: true } },
      responses: { 200: { description: 'The restored lead', content: { 'application/json': { schema: leadSchema } } }, 400: errors[400], 403: errors[403], 404: errors[404], 409: errors[409] },
    }),
    async (c) => {
      requireScope(c, 'leads:write');
      const services = c.get('services');
      const lead = await restoreJunkLead(services.database.db, { leadId: c.req.valid('param').id, reason: c.req.valid('json').reason, actor: requestActor(c, 'API'), now: services.now(), access: accessOf(c) });
      return c.json(presentLead(lead), 200);
    },
  );

  return app;
}
