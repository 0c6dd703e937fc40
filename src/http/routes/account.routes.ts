import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { createAccount } from '../../modules/accounts/create-account.ts';
import { getAccount } from '../../modules/accounts/get-account.ts';
import { accountCsvHeader, exportAccountsCsv } from '../../modules/accounts/export-accounts-csv.ts';
import { listAccounts } from '../../modules/accounts/list-accounts.ts';
import { csvDownload, datedCsvFileName } from '../csv-body.ts';
import { updateAccount } from '../../modules/accounts/update-account.ts';
import type { AppEnv } from '../app-env.ts';
import { requireScope } from '../require-scope.ts';
import { errorResponseSchema, validationHook } from '../error-response.ts';
import { requestAuditActor } from '../request-actor.ts';
import { accessOf } from '../request-access.ts';
import {
  accountChangesBodySchema,
  accountDetailSchema,
  accountExportQuerySchema,
  accountListPageSchema,
  accountListQuerySchema,
  accountQueryOptionsOf,
  accountSchema,
  newAccountBodySchema,
  presentAccount,
  presentAccountListItem,
  presentOwner,
} from '../schemas/account.schemas.ts';

const errorContent = { 'application/json': { schema: errorResponseSchema } };
const errors = {
  400: { description: 'Invalid input; each issue names the field', content: errorContent },
  403: { description: 'The caller’s role may not do this, or may see this account but not change it this way', content: errorContent },
  404: { description: 'No such account, or not one the caller may see', content: errorContent },
  409: { description: 'Another account has this domain', content: errorContent },
};
const idParam = z.object({ id: z.uuid('not an account id (uuid)').openapi({ param: { name: 'id', in: 'path' } }) });

export function accountRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/accounts',
      tags: ['Accounts'],
      summary: 'List accounts with their leads counted by stage (filters, text search, sort, cursor pagination, total)',
      description: '`total` counts every matching account the caller may see. A `cursor` only continues the `sort` it was made for (400 naming `cursor` otherwise).',
      request: { query: accountListQuerySchema },
      responses: {
        200: { description: 'A page of accounts in `sort` order (default by name)', content: { 'application/json': { schema: accountListPageSchema } } },
        400: errors[400],
        403: errors[403],
      },
    }),
    async (c) => {
      requireScope(c, 'accounts:read');
      const query = c.req.valid('query');
      const page = await listAccounts(c.get('services').database.db, { ...accountQueryOptionsOf(query), cursor: query.cursor, limit: query.limit, access: accessOf(c) });
      return c.json({ accounts: page.accounts.map(presentAccountListItem), nextCursor: page.nextCursor, total: page.total }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/accounts.csv',
      tags: ['Accounts'],
      summary: 'Every account the caller may see that matches the filters, as CSV (same filters and sort as the list)',
      description:
        'Streamed, header row first; `leads` and `open_leads` count the leads the caller may see. Cells a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) get a leading single quote. Named `accounts-YYYY-MM-DD.csv` (UTC).',
      request: { query: accountExportQuerySchema },
      responses: {
        200: { description: 'CSV', content: { 'text/csv': { schema: z.string().openapi({ description: `Columns: ${accountCsvHeader.join(', ')}` }) } } },
        400: errors[400],
        403: errors[403],
      },
    }),
    async (c) => {
      requireScope(c, 'accounts:read');
      const services = c.get('services');
      const chunks = await exportAccountsCsv(services.database.db, { ...accountQueryOptionsOf(c.req.valid('query')), access: accessOf(c) });
      return csvDownload(c, chunks, datedCsvFileName('accounts', services.now()));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/accounts/{id}',
      tags: ['Accounts'],
      summary: 'An account with its owner, leads by stage, newest leads and open opportunities',
      request: { params: idParam },
      responses: { 200: { description: 'The account', content: { 'application/json': { schema: accountDetailSchema } } }, 400: errors[400], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      requireScope(c, 'accounts:read');
      const detail = await getAccount(c.get('services').database.db, { accountId: c.req.valid('param').id, access: accessOf(c) });
      return c.json(
        {
          account: presentAccount(detail.account),
          owner: presentOwner(detail.owner),
          leadCounts: detail.leadCounts,
          recentLeads: detail.recentLeads.map((lead) => ({
            id: lead.id,
            email: lead.email,
            firstName: lead.first_name,
            lastName: lead.last_name,
            title: lead.title,
            stage: lead.stage,
            grade: lead.grade,
            score: lead.score,
            ownerId: lead.owner_id,
            ownerName: lead.owner_name,
            createdAt: lead.created_at.toISOString(),
          })),
          openOpportunities: detail.openOpportunities,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/accounts',
      tags: ['Accounts'],
      summary: 'Create an account (classified by the pact unless a class is given)',
      request: { body: { content: { 'application/json': { schema: newAccountBodySchema } }, required: true } },
      responses: { 201: { description: 'The account', content: { 'application/json': { schema: accountSchema } } }, 400: errors[400], 403: errors[403], 409: errors[409] },
    }),
    async (c) => {
      requireScope(c, 'accounts:write');
      const account = await createAccount(c.get('services').database.db, { input: c.req.valid('json'), actor: requestAuditActor(c), access: accessOf(c) });
      return c.json(presentAccount(account), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/accounts/{id}',
      tags: ['Accounts'],
      summary: 'Change an account’s owner, class, industry, size, revenue or country (audited)',
      request: { params: idParam, body: { content: { 'application/json': { schema: accountChangesBodySchema } }, required: true } },
      responses: { 200: { description: 'The account', content: { 'application/json': { schema: accountSchema } } }, 400: errors[400], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      requireScope(c, 'accounts:write');
      const services = c.get('services');
      const account = await updateAccount(services.database.db, { accountId: c.req.valid('param').id, changes: c.req.valid('json'), actor: requestAuditActor(c), now: services.now(), access: accessOf(c) });
      return c.json(presentAccount(account), 200);
    },
  );

  return app;
}
