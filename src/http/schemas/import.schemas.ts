import { z } from '@hono/zod-openapi';

const issueSchema = z.object({ path: z.string(), message: z.string() });
const rowErrorSchema = z.object({ line: z.number().int(), field: z.string(), message: z.string() });
const outcomes = ['created', 'merged', 'junk', 'rejected'] as const;

export const importUploadFormSchema = z
  .object({
    file: z
      .instanceof(File, { error: 'expected the CSV file in a form field named file' })
      .openapi({ type: 'string', format: 'binary', description: 'The CSV file (UTF-8 or UTF-16 with BOM; comma-separated; CRLF or LF)' }),
    mapping: z
      .union([z.string().max(1_000_000), z.instanceof(File)], { error: 'expected the JSON text of a mapping, as a form field or a file' })
      .optional()
      .openapi({ type: 'string', description: 'A mapping file (see examples/x-education.mapping.json), as text or as a file. Without it the format is detected from the header row.' }),
  })
  .openapi('ImportUpload');

export const importUploadQuerySchema = z.object({
  fileName: z.string().trim().min(1).max(255).optional().openapi({ description: 'Name of the file, for a `text/csv` body (multipart uploads carry their own)' }),
});

export const importReportSchema = z
  .object({
    importId: z.uuid(),
    rows: z.number().int().openapi({ description: 'Data rows read; always created + merged + junk + rejected' }),
    created: z.number().int(),
    merged: z.number().int(),
    junk: z.number().int(),
    rejected: z.number().int(),
    errors: z.array(rowErrorSchema).openapi({ description: 'Rejected rows in line order; at most 1,000 here, all of them at /api/imports/{id}/rows?outcome=rejected' }),
    errorsTruncated: z.number().int().openapi({ description: 'Rejected rows left out of `errors`' }),
    format: z.string().openapi({ example: 'salesforce', description: 'leadpact, salesforce, hubspot, or custom (a mapping was given)' }),
    unchanged: z.number().int().openapi({ description: 'Merged rows that changed nothing (already imported)' }),
    warnings: z.array(issueSchema).openapi({ description: 'Mapping problems that did not stop the import' }),
  })
  .openapi('ImportReport');

const previewRowSchema = z.union([
  z.object({ line: z.number().int(), ok: z.literal(true), input: z.record(z.string(), z.unknown()) }),
  z.object({ line: z.number().int(), ok: z.literal(false), issues: z.array(rowErrorSchema) }),
]);

// The mapping as the import reads it, every default filled in (see src/core/import/column-mapping-schema.ts).
const resolvedMappingSchema = z
  .object({
    name: z.string(),
    description: z.string().optional(),
    externalSource: z.string().optional(),
    columns: z.record(z.string(), z.string()).openapi({ description: 'CSV header → lead field or `attributes.<name>`' }),
    fallbacks: z.record(z.string(), z.array(z.string())).openapi({ description: 'Target → its columns in order of preference' }),
    nullValues: z.array(z.string()),
    ignoreColumns: z.array(z.string()),
    touch: z.object({ typeFromColumn: z.string().nullable(), typeMap: z.record(z.string(), z.string()), defaultType: z.string(), occurredAtColumn: z.string().nullable() }),
    defaults: z.record(z.string(), z.string()),
  })
  .openapi('ImportMapping', {
    description:
      "A column mapping with every default filled in (see examples/x-education.mapping.json). In a preview: the one sent, or the detected format's limited to the file's columns; change it and send it back as `mapping` to import with the change.",
  });

export const importPreviewSchema = z
  .object({
    format: z.string(),
    confidence: z.number().openapi({ description: 'Share of the headers the format or mapping recognises, 0–1' }),
    columns: z.array(z.object({ column: z.string(), targets: z.array(z.string()).readonly(), note: z.string().optional() })),
    issues: z.array(issueSchema),
    importable: z.boolean().openapi({ description: 'False when an import would be refused (no column identifies a lead)' }),
    sample: z.array(previewRowSchema).openapi({ description: 'The first five data rows as they would be captured, or their issues' }),
    mapping: resolvedMappingSchema,
  })
  .openapi('ImportPreview');

export const importSummarySchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    fileSha256: z.string(),
    format: z.string(),
    mapping: z.record(z.string(), z.unknown()),
    status: z.enum(['running', 'completed', 'failed']),
    rowCount: z.number().int(),
    createdCount: z.number().int(),
    mergedCount: z.number().int(),
    junkCount: z.number().int(),
    rejectedCount: z.number().int(),
    errorMessage: z.string().nullable(),
    createdBy: z.string().nullable(),
    startedAt: z.string().openapi({ format: 'date-time' }),
    finishedAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('Import');

export const importRowSchema = z
  .object({
    line: z.number().int(),
    outcome: z.enum(outcomes),
    leadId: z.string().nullable(),
    field: z.string().nullable(),
    message: z.string().nullable(),
  })
  .openapi('ImportRow');

export const importRowsQuerySchema = z.object({
  outcome: z.enum(outcomes).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const importIdParamSchema = z.object({ id: z.uuid({ error: 'not an import id (uuid)' }).openapi({ param: { name: 'id', in: 'path' } }) });
