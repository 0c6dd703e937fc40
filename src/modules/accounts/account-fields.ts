import { z } from 'zod';
import { accountClassSchema } from '../../core/pact/pact-schema.ts';
import { currencyCodeSchema } from '../campaigns/currency-code.ts';

/**
 * An account as the API accepts it. Raw text where leadpact normalizes (domain, website, country):
 * the use case turns it into the stored form and names the field it cannot. Money is integer minor
 * units of `currency` (cents for USD).
 */
const optionalText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const ownerFields = {
  ownerEmail: z.email('not an e-mail address').max(320).nullable().optional(),
  ownerId: z.uuid('not a user id (uuid)').nullable().optional(),
};
const sizeFields = {
  industry: optionalText(100).nullable().optional(),
  employees: z.number().int('must be a whole number').min(0).max(10_000_000).nullable().optional(),
  annualRevenueMinor: z.number().int('must be a whole number of minor units (cents)').min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
  currency: currencyCodeSchema.optional(),
  country: optionalText(100).nullable().optional(),
};

export const newAccountSchema = z
  .object({
    name: optionalText(200),
    domain: optionalText(253).optional(),
    website: optionalText(300).optional(),
    ...sizeFields,
    ...ownerFields,
    /** Sets the class by hand instead of the pact's classification. */
    accountClass: accountClassSchema.optional(),
  })
  .strict()
  .superRefine((account, ctx) => {
    if (account.domain === undefined && account.website === undefined) {
      ctx.addIssue({ code: 'custom', path: ['domain'], message: 'give a domain or a website: leads are matched to accounts by company domain' });
    }
    if (account.ownerEmail && account.ownerId) ctx.addIssue({ code: 'custom', path: ['ownerId'], message: 'give ownerEmail or ownerId, not both' });
  });
export type NewAccount = z.infer<typeof newAccountSchema>;

export const accountChangesSchema = z
  .object({
    ...sizeFields,
    ...ownerFields,
    /** Sets the class by hand; null hands it back to the pact's classification. */
    accountClass: accountClassSchema.nullable().optional(),
  })
  .strict()
  .superRefine((changes, ctx) => {
    if (Object.keys(changes).length === 0) ctx.addIssue({ code: 'custom', path: [], message: 'nothing to change: give at least one field' });
    if (changes.ownerEmail && changes.ownerId) ctx.addIssue({ code: 'custom', path: ['ownerId'], message: 'give ownerEmail or ownerId, not both' });
  });
export type AccountChanges = z.infer<typeof accountChangesSchema>;
