import { z } from 'zod';
import { touchTypeSchema } from '../../core/pact/pact-schema.ts';

/** A marketing interaction recorded on an existing lead, as the API accepts it. */
export const touchInputSchema = z
  .object({
    leadId: z.uuid('not a lead id (uuid)'),
    type: touchTypeSchema,
    /** When it happened (default: now). Send it when retrying, so the retry is recognised. */
    occurredAt: z.iso.datetime({ offset: true, message: 'expected an ISO date-time such as 2026-01-31T09:00:00Z' }).optional(),
    /** Campaign id or exact campaign name. */
    campaign: z.string().trim().min(1, 'must not be empty').max(200).optional(),
    detail: z.record(z.string().max(200), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()])).optional(),
  })
  .strict();
export type TouchInput = z.infer<typeof touchInputSchema>;
