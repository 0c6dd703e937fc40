import { z } from 'zod';
import { accountClassSchema } from '../../core/pact/pact-schema.ts';

/** A team of the sales organisation as the API and the CLI accept it (one schema for both). */
export const teamNameSchema = z.string().trim().min(1, 'must not be empty').max(100, 'at most 100 characters');

export const newTeamSchema = z
  .object({
    name: teamNameSchema,
    accountClass: accountClassSchema,
    managerEmail: z.email('not an e-mail address').max(320).optional(),
  })
  .strict();
export type NewTeam = z.infer<typeof newTeamSchema>;

export const teamChangesSchema = z
  .object({
    name: teamNameSchema.optional(),
    accountClass: accountClassSchema.optional(),
    /** Null removes the manager. */
    managerEmail: z.email('not an e-mail address').max(320).nullable().optional(),
  })
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, { message: 'nothing to change: give at least one field' });
export type TeamChanges = z.infer<typeof teamChangesSchema>;
