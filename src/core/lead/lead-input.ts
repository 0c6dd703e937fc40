import { z } from 'zod';
import { touchTypeSchema } from '../pact/pact-schema.ts';
import { consentInputSchema } from '../privacy/consent-input.ts';

/**
 * What a source may tell us about a person: the API body, a CSV row after column mapping and a web
 * form all become this one shape before the capture pipeline sees them. Values arrive raw (any
 * spacing or case); normalization happens in the pipeline, not here.
 */
/** The scalar fields of a lead input (touch, attributes and consent have their own shape). */
export const leadScalarFields = [
  'email',
  'firstName',
  'lastName',
  'title',
  'seniority',
  'phone',
  'company',
  'website',
  'industry',
  'employees',
  'annualRevenue',
  'country',
  'state',
  'city',
  'source',
  'campaign',
  'externalSource',
  'externalId',
] as const;

const text = (max: number) => z.string().max(max, `at most ${max} characters`);

export const leadInputSchema = z
  .object({
    email: text(320).optional(),
    firstName: text(100).optional(),
    lastName: text(100).optional(),
    title: text(200).optional(),
    seniority: text(50).optional(),
    phone: text(50).optional(),
    company: text(200).optional(),
    website: text(300).optional(),
    industry: text(100).optional(),
    employees: z.number().int('must be a whole number').min(0).max(10_000_000).optional(),
    /** Annual revenue in minor units of the pact's currency. */
    annualRevenue: z.number().int().min(0).optional(),
    country: text(100).optional(),
    state: text(100).optional(),
    city: text(100).optional(),
    source: text(100).optional(),
    /** Campaign id (uuid) or exact campaign name. */
    campaign: text(200).optional(),
    /** The system the record came from (salesforce, hubspot, x_education, …) and its id there. */
    externalSource: text(50).optional(),
    externalId: text(200).optional(),
    /** The marketing interaction that brought the lead in (defaults to a form fill now). */
    touch: z
      .object({
        type: touchTypeSchema,
        occurredAt: z.iso.datetime({ offset: true }).optional(),
        detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
      })
      .strict()
      .optional(),
    /** The lawful basis and marketing e-mail permission the source collected, with where and when. */
    consent: consentInputSchema.optional(),
    /** Everything else the source sent; kept verbatim, usable in pact rules as lead.attributes.<name>. */
    attributes: z.record(z.string().max(200), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()])).optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const hasIdentity = [input.email, input.phone, input.externalId].some((value) => value !== undefined && value.trim() !== '');
    if (!hasIdentity) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'a lead needs an e-mail, a phone or an external id' });
    }
    if (input.externalId !== undefined && input.externalSource === undefined) {
      ctx.addIssue({ code: 'custom', path: ['externalSource'], message: 'externalId needs externalSource (the system it came from)' });
    }
  });

export type LeadInput = z.infer<typeof leadInputSchema>;
