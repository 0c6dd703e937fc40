import { z } from '@hono/zod-openapi';
import { consentInputSchema, lawfulBases } from '../../core/privacy/consent-input.ts';

const record = z.record(z.string(), z.unknown());
const isoDate = z.string().openapi({ format: 'date-time' });

export const exportQuerySchema = z
  .object({ email: z.string().min(1, 'give the e-mail address of the person').max(320, 'at most 320 characters').openapi({ example: 'dana.reyes@acme-robotics.com' }) })
  .strict();

export const personalDataExportSchema = z
  .object({
    exportedAt: isoDate,
    suppressed: z.boolean().openapi({ description: 'The person asked to be erased; only a keyed hash of their address is kept, to refuse re-capture.' }),
    leads: z.array(record),
    consents: z.array(record),
    touches: z.array(record),
    events: z.array(record),
    duplicateCandidates: z.array(record),
    opportunities: z.array(record),
    importRows: z.array(record),
    auditEntries: z.array(record),
    otherRecords: z.array(z.object({ table: z.string(), values: record })).openapi({ description: 'Rows of any other table (job payloads, run summaries …) that mention the e-mail or phone.' }),
  })
  .openapi('PersonalDataExport');

export const erasureBodySchema = z
  .object({
    email: z.string().min(1, 'give the e-mail address of the person').max(320, 'at most 320 characters'),
    reason: z.string().max(500, 'at most 500 characters').openapi({ description: 'Why (a request reference, the channel); kept, so it must not quote the person.' }),
  })
  .strict()
  .openapi('ErasureRequest', { example: { email: 'dana.reyes@acme-robotics.com', reason: 'GDPR request #2026-114 by e-mail' } });

export const erasureReportSchema = z
  .object({
    status: z.enum(['erased', 'already_erased']),
    leadIds: z.array(z.uuid()),
    suppressedAt: isoDate,
    rewritten: z.record(z.string(), z.number().int()).openapi({ description: 'Rows rewritten per table.' }),
  })
  .openapi('ErasureReport');

const withdrawalSchema = z
  .object({
    action: z.literal('withdraw'),
    basis: z.enum(lawfulBases).optional().openapi({ description: 'Withdraw only the statements of this basis (default: all in force).' }),
    source: z.string().max(300, 'at most 300 characters').optional().openapi({ description: 'Where the withdrawal came from: an unsubscribe link, a call …' }),
    withdrawnAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export const consentChangeBodySchema = z
  .discriminatedUnion('action', [consentInputSchema.extend({ action: z.literal('record') }).strict(), withdrawalSchema], {
    error: 'action: expected record or withdraw',
  })
  .openapi('ConsentChange', { example: { action: 'record', basis: 'consent', marketingEmail: true, source: 'pricing page form, newsletter box ticked' } });

export const consentSchema = z
  .object({
    id: z.uuid(),
    leadId: z.uuid(),
    basis: z.enum(lawfulBases),
    marketingEmail: z.boolean().nullable(),
    source: z.string().nullable(),
    capturedAt: isoDate,
    withdrawnAt: isoDate.nullable(),
    withdrawalSource: z.string().nullable(),
    recordedAt: isoDate,
  })
  .openapi('LeadConsent');

export const consentChangeResultSchema = z.object({ changed: z.number().int(), consents: z.array(consentSchema) }).openapi('ConsentChangeResult');
