import { z } from '@hono/zod-openapi';
import { accountClasses } from '../../core/pact/pact-schema.ts';
import type { UserRow } from '../../db/database.ts';
import type { TeamWithCounts } from '../../modules/team/team-query.repository.ts';
import { newTeamSchema, teamChangesSchema } from '../../modules/team/team-fields.ts';
import { newUserSchema, roles, roleSchema, userChangesSchema } from '../../modules/team/user-fields.ts';

const isoDateTime = z.string().openapi({ format: 'date-time' });

export const newTeamBodySchema = newTeamSchema.openapi('NewTeam', { example: { name: 'Inside Sales', accountClass: 'inside' } });
export const teamChangesBodySchema = teamChangesSchema.openapi('TeamChanges', { example: { managerEmail: 'maria.lopez@example.com' } });
export const newUserBodySchema = newUserSchema.openapi('NewUser', {
  example: { email: 'sam.lee@example.com', name: 'Sam Lee', role: 'sales_rep', team: 'Inside Sales', capacity: 100, weight: 2, awayUntil: null },
});
export const userChangesBodySchema = userChangesSchema.openapi('UserChanges', {
  description: 'Settings only. The routing counters (openLeadCount, round-robin count) are kept by routing and cannot be set.',
  example: { capacity: 80, awayUntil: '2026-12-24' },
});

export const teamSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    accountClass: z.enum(accountClasses),
    managerId: z.string().nullable(),
    managerName: z.string().nullable(),
    managerEmail: z.string().nullable(),
    memberCount: z.number().int(),
    activeMemberCount: z.number().int(),
    openLeadCount: z.number().int().openapi({ description: 'Live leads routed to the team still in inquiry, MQL, SAL or SQL' }),
    createdAt: isoDateTime,
  })
  .openapi('Team');

export function presentTeam(team: TeamWithCounts): z.infer<typeof teamSchema> {
  return {
    id: team.id,
    name: team.name,
    accountClass: team.account_class,
    managerId: team.manager_id,
    managerName: team.manager_name,
    managerEmail: team.manager_email,
    memberCount: team.member_count,
    activeMemberCount: team.active_member_count,
    openLeadCount: team.open_lead_count,
    createdAt: team.created_at.toISOString(),
  };
}

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    teamId: z.string().nullable(),
    teamName: z.string().nullable(),
    capacity: z.number().int().openapi({ description: 'Most open leads routing may give the user; 0 keeps them out of routing' }),
    weight: z.number().int().openapi({ description: 'Share of round-robin relative to teammates (1–10)' }),
    awayUntil: isoDateTime.nullable(),
    active: z.boolean(),
    openLeadCount: z.number().int().openapi({ description: 'Open leads the user owns (kept by routing; read-only)' }),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .openapi('User');

export function presentUser(user: UserRow & { team_name: string | null }): z.infer<typeof userSchema> {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    teamId: user.team_id,
    teamName: user.team_name,
    capacity: user.capacity,
    weight: user.weight,
    awayUntil: user.away_until?.toISOString() ?? null,
    active: user.active,
    openLeadCount: user.open_lead_count,
    createdAt: user.created_at.toISOString(),
    updatedAt: user.updated_at.toISOString(),
  };
}

export const userListQuerySchema = z.object({
  role: z.enum(roles).optional(),
  team: z.string().max(100).optional().openapi({ description: 'Team id or name' }),
  active: z
    .enum(['true', 'false'], { message: 'expected true or false' })
    .optional()
    .transform((text) => (text === undefined ? undefined : text === 'true'))
    .openapi({ type: 'string', enum: ['true', 'false'] }),
});
