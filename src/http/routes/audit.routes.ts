import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AuditLogFilter, AuditLogRow } from '../../modules/audit/audit.repository.ts';
import { assertMayReadAudit } from '../../modules/audit/assert-may-read-audit.ts';
import { exportAuditCsv } from '../../modules/audit/export-audit-csv.ts';
import { listAuditEntries, maxAuditPageSize } from '../../modules/audit/list-audit-entries.ts';
import type { AppEnv } from '../app-env.ts';
import { errorResponseSchema, validationHook } from '../error-response.ts';
import { principalOf } from '../require-scope.ts';
import { csvDownload } from '../csv-body.ts';

const errorContent = { 'application/json': { schema: errorResponseSchema } };
const errors = {
  400: { description: 'Invalid filter; each issue names the parameter', content: errorContent },
  401: { description: 'No credentials', content: errorContent },
  403: { description: 'Only an admin may read the audit log', content: errorContent },
};

const actorTypes = ['user', 'api_key', 'system', 'cli', 'import', 'form'] as const;
const actions = ['create', 'update', 'delete', 'approve', 'activate', 'merge', 'revoke'] as const;

const instantParam = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (text === undefined || text === '') return undefined;
    const date = new Date(text);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'expected an ISO date or date-time such as 2026-01-31 or 2026-01-31T09:00:00Z' });
      return z.NEVER;
    }
    return date;
  })
  .openapi({ type: 'string', format: 'date-time' });

const filterFields = {
  entityType: z.string().trim().min(1).max(50).optional().openapi({ description: 'lead, account, opportunity, campaign, user, team, touch, pact_version, api_key …' }),
  entityId: z.string().trim().min(1).max(200).optional(),
  actorType: z.enum(actorTypes).optional(),
  actorId: z.string().trim().min(1).max(200).optional().openapi({ description: 'A user id, API key id or import id' }),
  action: z.enum(actions).optional(),
  from: instantParam.openapi({ description: 'Entries at or after this instant (a bare date is its UTC midnight)' }),
  to: instantParam.openapi({ description: 'Entries before this instant' }),
};
const listQuerySchema = z
  .object({
    ...filterFields,
    limit: z.coerce.number().int().min(1).max(maxAuditPageSize).default(50),
    cursor: z.string().max(200).optional().openapi({ description: 'nextCursor of the previous page' }),
  })
  .strict();
const exportQuerySchema = z.object(filterFields).strict();
const leadAuditQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(maxAuditPageSize).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();
const leadIdParam = z.object({ id: z.uuid('not a lead id (uuid)').openapi({ param: { name: 'id', in: 'path' } }) });

const values = z.record(z.string(), z.unknown()).nullable();
const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string().openapi({ format: 'date-time' }),
    actorType: z.string(),
    actorId: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    oldValues: values.openapi({ description: 'Updates: the changed columns before. Creates: null.' }),
    newValues: values.openapi({ description: 'Updates: the changed columns after. Creates: the row written.' }),
  })
  .openapi('AuditEntry');
const auditPageSchema = z.object({ entries: z.array(auditEntrySchema), nextCursor: z.string().nullable() }).openapi('AuditPage');

function presentAuditEntry(row: AuditLogRow): z.infer<typeof auditEntrySchema> {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorType: row.actor_type,
    actorId: row.actor_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    oldValues: row.old_values,
    newValues: row.new_values,
  };
}

function filterOf(query: z.infer<typeof exportQuerySchema>): AuditLogFilter {
  return { entityType: query.entityType, entityId: query.entityId, actorType: query.actorType, actorId: query.actorId, action: query.action, from: query.from, to: query.to };
}

/**
 * The audit log: every create, update and delete with who, when, what, old and new values.
 * Read-only (the database refuses changes to it). Admins only (`assertMayReadAudit`): an admin user
 * or an admin's key with the `admin` scope; 403 for anyone else.
 */
export function auditRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // Access before validation: someone who may not read the log learns nothing from its filters.
  const adminOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
    assertMayReadAudit(principalOf(c));
    await next();
  };
  for (const path of ['/api/audit', '/api/audit.csv', '/api/leads/:id/audit']) app.use(path, adminOnly);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit',
      tags: ['Audit'],
      summary: 'The audit log, newest first (filters, cursor pagination)',
      request: { query: listQuerySchema },
      responses: { 200: { description: 'A page of entries', content: { 'application/json': { schema: auditPageSchema } } }, 400: errors[400], 401: errors[401], 403: errors[403] },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const page = await listAuditEntries(c.get('services').database.db, { filter: filterOf(query), cursor: query.cursor, limit: query.limit });
      return c.json({ entries: page.entries.map(presentAuditEntry), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit.csv',
      tags: ['Audit'],
      summary: 'The audit log as CSV (same filters), newest first',
      description: 'Columns: id, at, actor_type, actor_id, action, entity_type, entity_id, old_values, new_values (JSON). Cells that a spreadsheet would run as a formula (starting with = + - @, a tab or CR) are prefixed with a single quote.',
      request: { query: exportQuerySchema },
      responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, 400: errors[400], 401: errors[401], 403: errors[403] },
    }),
    async (c) => {
      const chunks = await exportAuditCsv(c.get('services').database.db, filterOf(c.req.valid('query')));
      return csvDownload(c, chunks, 'audit.csv');
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/leads/{id}/audit',
      tags: ['Audit'],
      summary: 'The audit entries of one lead, newest first',
      request: { params: leadIdParam, query: leadAuditQuerySchema },
      responses: { 200: { description: 'A page of entries', content: { 'application/json': { schema: auditPageSchema } } }, 400: errors[400], 401: errors[401], 403: errors[403] },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const filter = { entityType: 'lead', entityId: c.req.valid('param').id.toLowerCase() };
      const page = await listAuditEntries(c.get('services').database.db, { filter, cursor: query.cursor, limit: query.limit });
      return c.json({ entries: page.entries.map(presentAuditEntry), nextCursor: page.nextCursor }, 200);
    },
  );

  return app;
}
