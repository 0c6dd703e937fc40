import { z } from 'zod';

/** The six lawful bases of GDPR art. 6(1), as stored. */
export const lawfulBases = ['consent', 'legitimate_interest', 'contract', 'legal_obligation', 'vital_interest', 'public_task'] as const;
export type LawfulBasis = (typeof lawfulBases)[number];

/**
 * What a source states about the person's lawful basis when it sends a lead: the basis, whether
 * they allowed marketing e-mail (absent: not asked), where it was stated (a form and its wording, a
 * list, a call) and when (absent: when it was captured). Part of LeadInput (`consent`) and the body
 * of a consent recorded later.
 */
export const consentInputSchema = z
  .object({
    basis: z.enum(lawfulBases, { error: `expected one of ${lawfulBases.join(' | ')}` }),
    marketingEmail: z.boolean().optional(),
    source: z.string().max(300, 'at most 300 characters').optional(),
    capturedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export type ConsentInput = z.infer<typeof consentInputSchema>;
