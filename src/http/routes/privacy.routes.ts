import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { assertMayManagePrivacy } from '../../modules/privacy/assert-may-manage-privacy.ts';
import { changeLeadConsent, type ConsentChange } from '../../modules/privacy/change-lead-consent.ts';
import { erasePerson } from '../../modules/privacy/erase-person.ts';
import { exportPersonalData } from '../../modules/privacy/export-personal-data.ts';
import { presentRecord } from '../../modules/privacy/present-record.ts';
import type { AppEnv } from '../app-env.ts';
import { errorResponseSchema, validationHook } from '../error-response.ts';
import { requestAuditActor } from '../request-actor.ts';
import { principalOf } from '../require-scope.ts';
import {
  consentChangeBodySchema,
  consentChangeResultSchema,
  erasureBodySchema,
  erasureReportSchema,
  exportQuerySchema,
  personalDataExportSchema,
} from '../schemas/privacy.schemas.ts';

const errorContent = { 'application/json': { schema: errorResponseSchema } };
const errors = {
  400: { description: 'Invalid input; each issue names the field', content: errorContent },
  403: { description: 'Only an admin may do this', content: errorContent },
  404: { description: 'Nothing held', content: errorContent },
  409: { description: 'Conflicts with the lead’s state', content: errorContent },
};
const leadIdParam = z.object({ id: z.uuid('not a lead id (uuid)').openapi({ param: { name: 'id', in: 'path' } }) });

/** Privacy: a person's data export and erasure, and consent changes. Admins only. */
export function privacyRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/privacy/export',
      tags: ['Privacy'],
      summary: 'Everything held on a person (subject access request), as one JSON document',
      description: 'The person is found by the e-mail match key (any spelling), plus every lead joined to theirs by merges. A person leadpact holds nothing on gets an empty document.',
      request: { query: exportQuerySchema },
      responses: { 200: { description: 'The export', content: { 'application/json': { schema: personalDataExportSchema } } }, 400: errors[400], 403: errors[403] },
    }),
    async (c) => {
      assertMayManagePrivacy(principalOf(c));
      const services = c.get('services');
      const document = await exportPersonalData(services.database.db, { email: c.req.valid('query').email, now: services.now() });
      c.header('Cache-Control', 'no-store');
      return c.json(document, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/privacy/erasures',
      tags: ['Privacy'],
      summary: 'Erase a person and refuse to capture them again',
      description:
        'In one transaction: personal columns of the person’s leads emptied (analytics columns kept), their touches, events, duplicate flags, import rows, opportunities, consents and audit values scrubbed, every other mention of the e-mail or phone in leadpact’s and pg-boss’s tables scrubbed, and the address put on the suppression list (as a keyed hash). Repeating it answers `already_erased`. An address leadpact never held is suppressed anyway and answered with 404.',
      request: { body: { content: { 'application/json': { schema: erasureBodySchema } }, required: true } },
      responses: { 200: { description: 'Erased (or already erased)', content: { 'application/json': { schema: erasureReportSchema } } }, 400: errors[400], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      assertMayManagePrivacy(principalOf(c));
      const services = c.get('services');
      const body = c.req.valid('json');
      const report = await erasePerson(services.database.db, { email: body.email, reason: body.reason, actor: requestAuditActor(c), now: services.now() });
      return c.json(report, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/leads/{id}/consents',
      tags: ['Privacy'],
      summary: 'Record a lawful basis / consent statement for a lead, or withdraw the ones in force',
      description: 'History is kept: a withdrawal closes statements, it never deletes them. Re-stating a statement already in force changes nothing (`changed: 0`).',
      request: { params: leadIdParam, body: { content: { 'application/json': { schema: consentChangeBodySchema } }, required: true } },
      responses: {
        200: { description: 'The lead’s consent history after the change', content: { 'application/json': { schema: consentChangeResultSchema } } },
        400: errors[400],
        403: errors[403],
        404: { description: 'No such lead', content: errorContent },
        409: errors[409],
      },
    }),
    async (c) => {
      assertMayManagePrivacy(principalOf(c));
      const services = c.get('services');
      const result = await changeLeadConsent(services.database.db, {
        leadId: c.req.valid('param').id,
        change: toConsentChange(c.req.valid('json')),
        actor: requestAuditActor(c),
        now: services.now(),
      });
      return c.json({ changed: result.changed, consents: result.consents.map((row) => presentRecord(row) as z.infer<typeof consentChangeResultSchema>['consents'][number]) }, 200);
    },
  );

  return app;
}

function toConsentChange(body: z.infer<typeof consentChangeBodySchema>): ConsentChange {
  if (body.action === 'withdraw') return { action: 'withdraw', basis: body.basis, source: body.source, withdrawnAt: body.withdrawnAt };
  const { action: _action, ...consent } = body;
  return { action: 'record', consent };
}
