import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ColumnMapping } from '../../core/import/column-mapping-schema.ts';
import { detectFormat } from '../../core/import/known-formats.ts';
import { AppError } from '../../errors/app-error.ts';
import { decodeCsvPrefix } from '../../modules/imports/decode-csv-prefix.ts';
import { exportImportRowsCsv } from '../../modules/imports/export-import-rows-csv.ts';
import { getImport } from '../../modules/imports/get-import.ts';
import type { ImportReport } from '../../modules/imports/import-report.ts';
import { listImportRows } from '../../modules/imports/list-import-rows.ts';
import { listImports } from '../../modules/imports/list-imports.ts';
import { parseMappingText } from '../../modules/imports/parse-mapping-text.ts';
import { previewImport } from '../../modules/imports/preview-import.ts';
import { runImport } from '../../modules/imports/run-import.ts';
import type { AppEnv } from '../app-env.ts';
import type { Context } from 'hono';
import { assertRoleMay } from '../../modules/access/enforce-access.ts';
import { requireScope } from '../require-scope.ts';
import { accessOf } from '../request-access.ts';
import { errorResponseSchema, validationHook } from '../error-response.ts';
import { requestActor } from '../request-actor.ts';
import { csvDownload } from '../csv-body.ts';
import {
  importIdParamSchema,
  importPreviewSchema,
  importReportSchema,
  importRowSchema,
  importRowsQuerySchema,
  importSummarySchema,
  importUploadFormSchema,
  importUploadQuerySchema,
} from '../schemas/import.schemas.ts';

const errors = {
  400: { description: 'Invalid input; each issue names the field (`file`, `mapping.<path>`, …)', content: { 'application/json': { schema: errorResponseSchema } } },
  403: { description: 'Imports are for admins and marketing (and keys with imports:write)', content: { 'application/json': { schema: errorResponseSchema } } },
  404: { description: 'No such import', content: { 'application/json': { schema: errorResponseSchema } } },
  413: { description: 'The upload is larger than LEADPACT_MAX_UPLOAD_BYTES', content: { 'application/json': { schema: errorResponseSchema } } },
};

/** Rejected rows listed in the HTTP answer; the rest are at the rows endpoint. */
const maxErrorsInResponse = 1000;
/** How much of the file a preview reads. */
const previewBytes = 256 * 1024;

const uploadBody = {
  content: {
    'multipart/form-data': { schema: importUploadFormSchema },
    // Documentation only: zod-openapi validates JSON and form bodies; this one streams to the import.
    'text/csv': { schema: z.string().openapi({ format: 'binary', description: 'The CSV itself; name it with ?fileName=' }) },
  },
};

/** An uploaded CSV, however it was sent: as a multipart field `file` or as the whole `text/csv` body. */
interface Upload {
  fileName: string;
  mapping: ColumnMapping | undefined;
  stream(): Readable;
  /** The first `bytes` of the file, and whether the file goes on after them. */
  prefix(bytes: number): Promise<{ bytes: Uint8Array; cut: boolean }>;
}

interface UploadForm {
  file?: File;
  mapping?: string | File | undefined;
}

// The form part is validated only when the request is multipart; a text/csv request leaves it empty.
function formOf(validated: string | UploadForm): UploadForm {
  return typeof validated === 'string' ? {} : validated;
}

async function uploadOf(form: UploadForm, body: ReadableStream<Uint8Array> | null, fileName: string | undefined): Promise<Upload> {
  const mappingText = form.mapping instanceof File ? await form.mapping.text() : form.mapping;
  const mapping = mappingText === undefined || mappingText.trim() === '' ? undefined : parseMappingText(mappingText, 'mapping');
  if (form.file instanceof File) {
    const file = form.file;
    return {
      fileName: file.name || fileName || 'upload.csv',
      mapping,
      stream: () => Readable.fromWeb(file.stream() as NodeReadableStream<Uint8Array>),
      prefix: async (bytes) => ({ bytes: new Uint8Array(await file.slice(0, bytes).arrayBuffer()), cut: file.size > bytes }),
    };
  }
  if (body === null) throw AppError.validation([{ path: 'file', message: 'no file: send it as the multipart form field file, or as a text/csv body' }]);
  return {
    fileName: fileName ?? 'upload.csv',
    mapping,
    stream: () => Readable.fromWeb(body as NodeReadableStream<Uint8Array>),
    prefix: (bytes) => readPrefix(body, bytes),
  };
}

async function readPrefix(body: ReadableStream<Uint8Array>, limit: number): Promise<{ bytes: Uint8Array; cut: boolean }> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size <= limit) {
    const { done, value } = await reader.read();
    if (done) return { bytes: Buffer.concat(chunks), cut: false };
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel();
  return { bytes: Buffer.concat(chunks).subarray(0, limit), cut: true };
}

function presentReport(report: ImportReport) {
  const errors = report.errors.slice(0, maxErrorsInResponse);
  return { ...report, errors, errorsTruncated: report.errors.length - errors.length };
}

/**
 * Imports are for admins and marketing: the key's scope, then the access policy. The use cases
 * enforce the policy themselves (the CLI gets the same answer); it is asked here too so an upload
 * from someone who may not import is refused before its body is read.
 */
function mayImport(c: Context<AppEnv>): void {
  requireScope(c, 'imports:write');
  assertRoleMay(accessOf(c), 'import:run');
}

export function importRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/imports',
      tags: ['Imports'],
      summary: 'Import a CSV of leads (leadpact, Salesforce or HubSpot export, or any file with a mapping)',
      description:
        'Every row goes through the same capture pipeline as the API and ends created, merged, junk or rejected (with line, column and reason). Importing the same file again creates nothing and changes nothing.',
      request: { query: importUploadQuerySchema, body: uploadBody },
      responses: { 201: { description: 'The import report', content: { 'application/json': { schema: importReportSchema } } }, 400: errors[400], 403: errors[403], 413: errors[413] },
    }),
    async (c) => {
      mayImport(c);
      const services = c.get('services');
      const upload = await uploadOf(formOf(c.req.valid('form')), c.req.raw.body, c.req.valid('query').fileName);
      const report = await runImport(services.database.db, {
        fileName: upload.fileName,
        source: upload.stream(),
        mapping: upload.mapping,
        actor: requestActor(c, `import ${upload.fileName}`),
        now: services.now(),
        access: accessOf(c),
      });
      return c.json(presentReport(report), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/imports/preview',
      tags: ['Imports'],
      summary: 'What importing a file would do: format, where each column goes, the first rows mapped (writes nothing)',
      request: { query: importUploadQuerySchema, body: uploadBody },
      responses: { 200: { description: 'The preview', content: { 'application/json': { schema: importPreviewSchema } } }, 400: errors[400], 403: errors[403], 413: errors[413] },
    }),
    async (c) => {
      mayImport(c);
      const upload = await uploadOf(formOf(c.req.valid('form')), c.req.raw.body, c.req.valid('query').fileName);
      const { bytes, cut } = await upload.prefix(previewBytes);
      const preview = previewImport(decodeCsvPrefix(bytes), upload.mapping, { cutAtEnd: cut });
      // The detected format's full mapping (fallback order, touch columns, external source) is what a
      // client must start from to change one column and still import the rest as detected.
      const mapping = upload.mapping ?? detectFormat(preview.columns.map((column) => column.column)).mapping;
      return c.json({ ...preview, mapping }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/imports',
      tags: ['Imports'],
      summary: 'Recent imports, newest first',
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
      responses: { 200: { description: 'Imports', content: { 'application/json': { schema: z.object({ imports: z.array(importSummarySchema) }) } } }, 400: errors[400], 403: errors[403] },
    }),
    async (c) => {
      mayImport(c);
      return c.json({ imports: await listImports(c.get('services').database.db, { limit: c.req.valid('query').limit, access: accessOf(c) }) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/imports/{id}',
      tags: ['Imports'],
      summary: 'One import: status and counts',
      request: { params: importIdParamSchema },
      responses: { 200: { description: 'The import', content: { 'application/json': { schema: importSummarySchema } } }, 400: errors[400], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      mayImport(c);
      return c.json(await getImport(c.get('services').database.db, c.req.valid('param').id, accessOf(c)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/imports/{id}/rows',
      tags: ['Imports'],
      summary: 'What became of each data line of an import (filter by outcome)',
      request: { params: importIdParamSchema, query: importRowsQuerySchema },
      responses: {
        200: { description: 'A page of rows in line order', content: { 'application/json': { schema: z.object({ rows: z.array(importRowSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }) } } },
        400: errors[400],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      mayImport(c);
      const query = c.req.valid('query');
      const page = await listImportRows(c.get('services').database.db, c.req.valid('param').id, { ...query, access: accessOf(c) });
      return c.json({ ...page, limit: query.limit, offset: query.offset }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/imports/{id}/rows.csv',
      tags: ['Imports'],
      summary: 'The row-by-row report as CSV: line, outcome, lead id, field, message',
      description: 'Cells that a spreadsheet would run as a formula (starting with = + - @, a tab or CR) are prefixed with a single quote.',
      request: { params: importIdParamSchema },
      responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, 400: errors[400], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      mayImport(c);
      const id = c.req.valid('param').id;
      const chunks = await exportImportRowsCsv(c.get('services').database.db, id, accessOf(c));
      return csvDownload(c, chunks, `import-${id}-rows.csv`);
    },
  );

  return app;
}
