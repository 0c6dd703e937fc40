import { z } from 'zod';
import { startOfDayInTimeZone } from './start-of-day-in-time-zone.ts';

/**
 * The fields of a user of the sales organisation as the API and the CLI accept them: one zod schema
 * for both, so a bad capacity reads the same everywhere. Routing state (open_lead_count,
 * round_robin_count) is not among them: only the capture pipeline changes it, under row locks.
 */
export const roles = ['admin', 'marketing', 'sales_manager', 'sales_rep', 'executive'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const capacitySchema = z.number().int('must be a whole number').min(0, 'must be 0 or more (0 keeps the rep out of routing)').max(100_000);
export const weightSchema = z.number().int('must be a whole number').min(1, 'must be between 1 and 10').max(10, 'must be between 1 and 10');

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const isoDay = z.iso.date();
const isoInstant = z.iso.datetime({ offset: true });

/**
 * Until when the rep is away (exclusive): an ISO date-time with offset, or a day (YYYY-MM-DD) meaning
 * the start of that day in the pact's business-calendar time zone. Null: present.
 */
export const awayUntilSchema = z
  .string()
  .refine((text) => (dayPattern.test(text) ? isoDay.safeParse(text).success : isoInstant.safeParse(text).success), {
    message: 'expected a day such as 2026-12-24 or a date-time such as 2026-12-24T09:00:00Z',
  })
  .nullable()
  .describe('Away until (exclusive): a date-time with offset, or a day meaning the start of that day in the pact calendar’s time zone; null when present');

/** A team named by id or by name (any letter case). */
export const teamReferenceSchema = z.string().trim().min(1, 'must not be empty').max(100);

export const newUserSchema = z
  .object({
    email: z.email('not an e-mail address').max(320),
    name: z.string().trim().min(1, 'must not be empty').max(200),
    role: roleSchema,
    team: teamReferenceSchema.nullable().optional(),
    capacity: capacitySchema.optional(),
    weight: weightSchema.optional(),
    awayUntil: awayUntilSchema.optional(),
  })
  .strict()
  .superRefine((user, ctx) => {
    if (user.role === 'sales_rep' && user.capacity === undefined) {
      ctx.addIssue({ code: 'custom', path: ['capacity'], message: 'a sales rep needs a capacity: the most open leads routing may give them' });
    }
  });
export type NewUser = z.infer<typeof newUserSchema>;

export const userChangesSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200).optional(),
    role: roleSchema.optional(),
    team: teamReferenceSchema.nullable().optional(),
    capacity: capacitySchema.optional(),
    weight: weightSchema.optional(),
    awayUntil: awayUntilSchema.optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, { message: 'nothing to change: give at least one field' });
export type UserChanges = z.infer<typeof userChangesSchema>;

/** The instant an `awayUntil` value names (see awayUntilSchema); null stays null. */
export function awayUntilInstant(text: string | null, timeZone: string): Date | null {
  if (text === null) return null;
  return dayPattern.test(text) ? startOfDayInTimeZone(text, timeZone) : new Date(text);
}
