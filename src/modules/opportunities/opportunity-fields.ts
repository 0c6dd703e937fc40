import { z } from 'zod';
import { currencyCodeSchema } from '../campaigns/currency-code.ts';

/**
 * A hand-made change to an opportunity: its name, amount (integer minor units of `currency`),
 * expected close day, or closing it as won or lost with the reason.
 */
export const opportunityChangesSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters').optional(),
    amountMinor: z.number().int('must be a whole number of minor units (cents)').min(0, 'must be 0 or more').max(Number.MAX_SAFE_INTEGER).optional(),
    currency: currencyCodeSchema.optional(),
    expectedCloseOn: z.iso.date('expected a day as YYYY-MM-DD').optional(),
    /** Closes an open opportunity. */
    status: z.enum(['won', 'lost']).optional(),
    /** Why it was won or lost: required with `status`. */
    closeReason: z.string().trim().min(3, 'at least 3 characters').max(300).optional(),
  })
  .strict()
  .superRefine((changes, ctx) => {
    if (Object.keys(changes).length === 0) ctx.addIssue({ code: 'custom', path: [], message: 'nothing to change: give at least one field' });
    if (changes.status !== undefined && changes.closeReason === undefined) ctx.addIssue({ code: 'custom', path: ['closeReason'], message: `say why it was ${changes.status}` });
    if (changes.closeReason !== undefined && changes.status === undefined) ctx.addIssue({ code: 'custom', path: ['closeReason'], message: 'a close reason goes with status won or lost' });
  });
export type OpportunityChanges = z.infer<typeof opportunityChangesSchema>;
