import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { diffPacts, formatPactDiff } from '../../core/pact/diff-pacts.ts';
import { parsePactText } from '../../core/pact/parse-pact-text.ts';
import { pactDocumentSchema } from '../../core/pact/pact-schema.ts';
import { renderPactAsText } from '../../core/pact/render-pact.ts';
import { validatePact } from '../../core/pact/validate-pact.ts';
import type { Db, PactVersionRow } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { activatePactVersion } from '../../modules/pact/activate-pact-version.ts';
import { approvePactVersion } from '../../modules/pact/approve-pact-version.ts';
import { findActivePactVersion, findPactVersion, listPactVersions } from '../../modules/pact/pact-version.repository.ts';
import { checkPactAgainstOrganisation, proposePactVersion } from '../../modules/pact/propose-pact-version.ts';
import { rescoreOpenLeads } from '../../modules/pact/rescore-open-leads.ts';
import { findRescoreRun } from '../../modules/pact/rescore-run.repository.ts';
import { findUserById } from '../../modules/team/user.repository.ts';
import { actingUserId } from '../../core/access/acting-user.ts';
import type { AppEnv } from '../app-env.ts';
import { requestAuditActor } from '../request-actor.ts';
import { accessOf } from '../request-access.ts';
import { principalOf, requireScope } from '../require-scope.ts';
import { errorResponseSchema, validationHook } from '../error-response.ts';

const errorContent = { 'application/json': { schema: errorResponseSchema } };
const issueSchema = z.object({ path: z.string(), message: z.string() });
/** Version numbers are PostgreSQL integers: anything larger is refused here, not by the database. */
const versionNumber = z.coerce.number().int().min(1).max(2_147_483_647);
const versionParam = z.object({ version: versionNumber.openapi({ param: { name: 'version', in: 'path' } }) });

/** An approval names the approver, so every role (reps and executives too, who may not list users) sees who signed. */
const approvalSchema = z.object({
  by: z.string().openapi({ description: 'User id of the approver' }),
  name: z.string().nullable().openapi({ description: 'The approver’s name; null if that user no longer exists' }),
  at: z.string(),
});

const pactChangeSchema = z
  .object({ path: z.string(), kind: z.enum(['added', 'removed', 'changed']), summary: z.string(), before: z.unknown().optional(), after: z.unknown().optional() })
  .openapi('PactChange');

export const pactVersionSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    status: z.enum(['draft', 'approved', 'active', 'retired']),
    note: z.string().nullable(),
    createdAt: z.string(),
    marketingApproval: approvalSchema.nullable(),
    salesApproval: approvalSchema.nullable(),
    activatedAt: z.string().nullable(),
    retiredAt: z.string().nullable(),
    document: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('PactVersion');

type ApproverNames = ReadonlyMap<string, string>;

/** The names of the people who approved these versions (a handful of distinct approvers, looked up once each). */
async function approverNamesOf(db: Db, rows: readonly PactVersionRow[]): Promise<ApproverNames> {
  const ids = new Set(rows.flatMap((row) => [row.marketing_approved_by, row.sales_approved_by]).filter((id): id is string => id !== null));
  const names = new Map<string, string>();
  for (const id of ids) {
    const user = await findUserById(db, id);
    if (user) names.set(id, user.name);
  }
  return names;
}

function presentApproval(by: string | null, at: Date | null, names: ApproverNames): z.infer<typeof approvalSchema> | null {
  return by && at ? { by, name: names.get(by) ?? null, at: at.toISOString() } : null;
}

function presentVersion(row: PactVersionRow, withDocument: boolean, names: ApproverNames): z.infer<typeof pactVersionSchema> {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    note: row.note,
    createdAt: row.created_at.toISOString(),
    marketingApproval: presentApproval(row.marketing_approved_by, row.marketing_approved_at, names),
    salesApproval: presentApproval(row.sales_approved_by, row.sales_approved_at, names),
    activatedAt: row.activated_at?.toISOString() ?? null,
    retiredAt: row.retired_at?.toISOString() ?? null,
    ...(withDocument ? { document: row.document } : {}),
  };
}

const proposalSchema = z
  .object({
    document: z.union([z.record(z.string(), z.unknown()), z.string()]).openapi({ description: 'The pact as an object, or as JSON/YAML text' }),
    note: z.string().max(500).optional(),
  })
  .strict();

const rescoreRunSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['queued', 'running', 'completed', 'failed']),
    total: z.number(),
    processed: z.number(),
    gradeChanged: z.number(),
    becameMql: z.number().openapi({ description: 'Inquiries that became MQLs under the new pact (routed to sales like new captures)' }),
    resurfaced: z.number().openapi({ description: 'Recycled leads whose recycle date had passed, back as MQLs (routed to sales)' }),
    lostMql: z.number(),
    summary: z.record(z.string(), z.unknown()).nullable(),
    errorMessage: z.string().nullable(),
  })
  .openapi('RescoreRun');

/** How many recycled leads a run brought back (kept in its summary; runs from before it was counted: 0). */
function resurfacedOf(summary: unknown): number {
  const value = (summary as { resurfaced?: unknown } | null)?.resurfaced;
  return typeof value === 'number' ? value : 0;
}

export function pactRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get', path: '/api/pact', tags: ['Pact'], summary: 'The pact in force, as data and as the readable one-page agreement',
      responses: { 200: { description: 'The active version', content: { 'application/json': { schema: z.object({ version: pactVersionSchema, text: z.string() }) } } } },
    }),
    async (c) => {
      requireScope(c, 'pact:read');
      const db = c.get('services').database.db;
      const row = await findActivePactVersion(db);
      if (!row) throw new AppError('NOT_FOUND', { userMessage: 'no pact is active' });
      return c.json({ version: presentVersion(row, true, await approverNamesOf(db, [row])), text: renderPactAsText(pactDocumentSchema.parse(row.document)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/pact-versions', tags: ['Pact'], summary: 'Every version, newest first',
      responses: { 200: { description: 'Versions', content: { 'application/json': { schema: z.object({ versions: z.array(pactVersionSchema) }) } } } },
    }),
    async (c) => {
      requireScope(c, 'pact:read');
      const db = c.get('services').database.db;
      const rows = await listPactVersions(db);
      const names = await approverNamesOf(db, rows);
      return c.json({ versions: rows.map((row) => presentVersion(row, false, names)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/pact-versions/{version}', tags: ['Pact'], summary: 'One version with its document',
      request: { params: versionParam },
      responses: { 200: { description: 'The version', content: { 'application/json': { schema: pactVersionSchema } } }, 400: { description: 'Not a version number', content: errorContent }, 404: { description: 'No such version', content: errorContent } },
    }),
    async (c) => {
      requireScope(c, 'pact:read');
      const db = c.get('services').database.db;
      const row = await findPactVersion(db, c.req.valid('param').version);
      if (!row) throw AppError.notFound('pact version', String(c.req.valid('param').version));
      return c.json(presentVersion(row, true, await approverNamesOf(db, [row])), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/pact-versions/validate', tags: ['Pact'], summary: 'Validate a pact without storing it (every problem with its path)',
      request: { body: { content: { 'application/json': { schema: proposalSchema } }, required: true } },
      responses: {
        200: {
          description: 'Validation result; a valid pact also comes with what it changes from the active version (`diff`, null when no version is active)',
          content: {
            'application/json': {
              schema: z.object({
                valid: z.boolean(),
                issues: z.array(issueSchema),
                warnings: z.array(issueSchema),
                diff: z.object({ against: z.number(), changes: z.array(pactChangeSchema) }).nullable(),
              }),
            },
          },
        },
        400: { description: 'The request is not `{document, note?}` (problems in the pact itself come back as a 200 with its issues)', content: errorContent },
      },
    }),
    async (c) => {
      requireScope(c, 'pact:read');
      const { document } = c.req.valid('json');
      const parsed = typeof document === 'string' ? parsePactText(document) : { ok: true as const, value: document };
      if (!parsed.ok) return c.json({ valid: false, issues: parsed.issues, warnings: [], diff: null }, 200);
      const validation = validatePact(parsed.value);
      if (!validation.ok) return c.json({ valid: false, issues: validation.issues, warnings: [], diff: null }, 200);
      const db = c.get('services').database.db;
      const warnings = [...validation.warnings, ...(await checkPactAgainstOrganisation(db, validation.pact))];
      // A draft is reviewed against what is in force before anyone proposes it: the same diff the stored versions get.
      const active = await findActivePactVersion(db);
      const diff = active ? { against: active.version, changes: diffPacts(pactDocumentSchema.parse(active.document), validation.pact) } : null;
      return c.json({ valid: true, issues: [], warnings, diff }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/pact-versions', tags: ['Pact'], summary: 'Propose a new draft version (refused whole if anything is wrong)',
      request: { body: { content: { 'application/json': { schema: proposalSchema } }, required: true } },
      responses: {
        201: { description: 'Stored as a draft', content: { 'application/json': { schema: z.object({ version: z.number(), id: z.uuid(), warnings: z.array(issueSchema) }) } } },
        400: { description: 'The pact has problems; each issue names its path in the document', content: errorContent },
        403: { description: 'Only admins and marketing propose pact versions', content: errorContent },
      },
    }),
    async (c) => {
      requireScope(c, 'pact:write');
      const body = c.req.valid('json');
      const proposed = await proposePactVersion(c.get('services').database.db, { document: body.document, note: body.note ?? null, actor: requestAuditActor(c), createdBy: actingUserId(principalOf(c)), access: accessOf(c) });
      return c.json(proposed, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/pact-versions/{version}/approve', tags: ['Pact'], summary: 'Approve a draft for your side: a marketing user for marketing, a sales manager for sales',
      description: 'The approver is whoever calls (the signed-in user, or the owner of the API key); nobody approves in someone else’s name over the API. Send no body, or `{}`.',
      request: { params: versionParam, body: { content: { 'application/json': { schema: z.object({}).strict().openapi('PactApproval') } }, required: false } },
      responses: {
        200: { description: 'The version after approval', content: { 'application/json': { schema: pactVersionSchema } } },
        400: { description: 'A body with fields (the approver is the caller)', content: errorContent },
        403: { description: 'The caller signs for neither side', content: errorContent },
        404: { description: 'No such version', content: errorContent },
        409: { description: 'Not a draft, or that side already approved', content: errorContent },
      },
    }),
    async (c) => {
      requireScope(c, 'pact:write');
      const services = c.get('services');
      const row = await approvePactVersion(services.database.db, { version: c.req.valid('param').version, access: accessOf(c), actor: requestAuditActor(c), now: services.now() });
      return c.json(presentVersion(row, false, await approverNamesOf(services.database.db, [row])), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/pact-versions/{version}/activate', tags: ['Pact'], summary: 'Put an approved version in force; every open lead is rescored in a background job',
      request: { params: versionParam },
      responses: {
        202: { description: 'Active; rescoring queued (follow /api/rescore-runs/{id})', content: { 'application/json': { schema: z.object({ version: z.number(), previousVersion: z.number().nullable(), rescoreRunId: z.uuid() }) } } },
        400: { description: 'Not a version number', content: errorContent },
        403: { description: 'Only admins put a version in force', content: errorContent },
        404: { description: 'No such version', content: errorContent },
        409: { description: 'Not approved yet, or already active', content: errorContent },
      },
    }),
    async (c) => {
      requireScope(c, 'pact:write');
      const services = c.get('services');
      const activation = await activatePactVersion(services.database.db, { version: c.req.valid('param').version, activatedBy: actingUserId(principalOf(c)), actor: requestAuditActor(c), now: services.now(), access: accessOf(c) });
      if (services.jobs) await services.jobs.enqueueRescore(activation.rescoreRunId);
      else await rescoreOpenLeads(services.database.db, { runId: activation.rescoreRunId, now: services.now() });
      return c.json(activation, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/pact-versions/{version}/diff', tags: ['Pact'], summary: 'What changed from another version (default: the active one) to this one',
      request: { params: versionParam, query: z.object({ against: versionNumber.optional() }) },
      responses: {
        200: { description: 'Changes, each with a one-line summary', content: { 'application/json': { schema: z.object({ from: z.number(), to: z.number(), changes: z.array(pactChangeSchema), text: z.string() }) } } },
        400: { description: 'Not a version number', content: errorContent },
        404: { description: 'No such version', content: errorContent },
      },
    }),
    async (c) => {
      requireScope(c, 'pact:read');
      const db = c.get('services').database.db;
      const target = await findPactVersion(db, c.req.valid('param').version);
      if (!target) throw AppError.notFound('pact version', String(c.req.valid('param').version));
      const against = c.req.valid('query').against;
      const base = against ? await findPactVersion(db, against) : await findActivePactVersion(db);
      if (!base) throw AppError.notFound('pact version', String(against ?? 'active'));
      const changes = diffPacts(pactDocumentSchema.parse(base.document), pactDocumentSchema.parse(target.document));
      return c.json({ from: base.version, to: target.version, changes, text: formatPactDiff(changes) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/rescore-runs/{id}', tags: ['Pact'], summary: 'Progress and summary of the rescoring after an activation',
      request: { params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }) },
      responses: { 200: { description: 'The run', content: { 'application/json': { schema: rescoreRunSchema } } }, 400: { description: 'Not a run id (uuid)', content: errorContent }, 404: { description: 'No such run', content: errorContent } },
    }),
    async (c) => {
      requireScope(c, 'pact:read');
      const run = await findRescoreRun(c.get('services').database.db, c.req.valid('param').id);
      if (!run) throw AppError.notFound('rescore run', c.req.valid('param').id);
      return c.json({ id: run.id, status: run.status, total: run.total, processed: run.processed, gradeChanged: run.grade_changed, becameMql: run.became_mql, resurfaced: resurfacedOf(run.summary), lostMql: run.lost_mql, summary: run.summary, errorMessage: run.error_message }, 200);
    },
  );

  return app;
}
