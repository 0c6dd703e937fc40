import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError } from '../../errors/app-error.ts';
import { createTeam } from '../../modules/team/create-team.ts';
import { createUser } from '../../modules/team/create-user.ts';
import { listOrganisationUsers } from '../../modules/team/list-users.ts';
import { listTeams } from '../../modules/team/list-teams.ts';
import { findTeamWithCounts } from '../../modules/team/team-query.repository.ts';
import { updateTeam } from '../../modules/team/update-team.ts';
import { updateUser } from '../../modules/team/update-user.ts';
import { findUserWithTeamName } from '../../modules/team/user.repository.ts';
import type { AppEnv } from '../app-env.ts';
import { requireAdmin, requireScope } from '../require-scope.ts';
import { errorResponseSchema, validationHook } from '../error-response.ts';
import { requestAuditActor } from '../request-actor.ts';
import { accessOf } from '../request-access.ts';
import {
  newTeamBodySchema,
  newUserBodySchema,
  presentTeam,
  presentUser,
  teamChangesBodySchema,
  teamSchema,
  userChangesBodySchema,
  userListQuerySchema,
  userSchema,
} from '../schemas/team.schemas.ts';

const errorContent = { 'application/json': { schema: errorResponseSchema } };
const errors = {
  400: { description: 'Invalid input; each issue names the field', content: errorContent },
  403: { description: 'Reading the organisation is for admins, marketing and sales managers; changing it for admins', content: errorContent },
  404: { description: 'No such team or user', content: errorContent },
  409: { description: 'The name or e-mail is taken', content: errorContent },
};
const idParam = z.object({ id: z.uuid('not an id (uuid)').openapi({ param: { name: 'id', in: 'path' } }) });

async function teamResponse(c: Context<AppEnv>, teamId: string) {
  const team = await findTeamWithCounts(c.get('services').database.db, teamId);
  if (!team) throw AppError.notFound('team', teamId);
  return presentTeam(team);
}

async function userResponse(c: Context<AppEnv>, userId: string) {
  const user = await findUserWithTeamName(c.get('services').database.db, userId);
  if (!user) throw AppError.notFound('user', userId);
  return presentUser(user);
}

/** The sales organisation routing works with: teams (the pact routes each class to one) and their people. */
export function teamRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/teams',
      tags: ['Sales organisation'],
      summary: 'Teams with their manager, members and open leads',
      responses: { 200: { description: 'Every team, by name', content: { 'application/json': { schema: z.object({ teams: z.array(teamSchema) }) } } }, 403: errors[403] },
    }),
    async (c) => {
      requireScope(c, 'organisation:read');
      return c.json({ teams: (await listTeams(c.get('services').database.db, { access: accessOf(c) })).map(presentTeam) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/teams',
      tags: ['Sales organisation'],
      summary: 'Create a team (names are unique ignoring case; the pact routes to teams by name)',
      request: { body: { content: { 'application/json': { schema: newTeamBodySchema } }, required: true } },
      responses: { 201: { description: 'The team', content: { 'application/json': { schema: teamSchema } } }, 400: errors[400], 403: errors[403], 409: errors[409] },
    }),
    async (c) => {
      requireAdmin(c);
      const team = await createTeam(c.get('services').database.db, { input: c.req.valid('json'), actor: requestAuditActor(c) });
      return c.json(await teamResponse(c, team.id), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/teams/{id}',
      tags: ['Sales organisation'],
      summary: 'Rename a team, change its class or set its manager (an active sales manager; null removes)',
      request: { params: idParam, body: { content: { 'application/json': { schema: teamChangesBodySchema } }, required: true } },
      responses: { 200: { description: 'The team', content: { 'application/json': { schema: teamSchema } } }, 400: errors[400], 403: errors[403], 404: errors[404], 409: errors[409] },
    }),
    async (c) => {
      requireAdmin(c);
      const team = await updateTeam(c.get('services').database.db, { teamId: c.req.valid('param').id, changes: c.req.valid('json'), actor: requestAuditActor(c) });
      return c.json(await teamResponse(c, team.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/users',
      tags: ['Sales organisation'],
      summary: 'People with their role, team, capacity, weight, absence and open leads',
      request: { query: userListQuerySchema },
      responses: { 200: { description: 'Users by name', content: { 'application/json': { schema: z.object({ users: z.array(userSchema) }) } } }, 400: errors[400], 403: errors[403] },
    }),
    async (c) => {
      requireScope(c, 'organisation:read');
      const query = c.req.valid('query');
      const users = await listOrganisationUsers(c.get('services').database.db, { role: query.role, team: query.team, active: query.active, access: accessOf(c) });
      return c.json({ users: users.map(presentUser) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/users',
      tags: ['Sales organisation'],
      summary: 'Add a person (e-mail unique ignoring case)',
      description: 'A sales rep needs a capacity. `awayUntil` takes a date-time, or a day meaning the start of that day in the pact calendar’s time zone.',
      request: { body: { content: { 'application/json': { schema: newUserBodySchema } }, required: true } },
      responses: { 201: { description: 'The user', content: { 'application/json': { schema: userSchema } } }, 400: errors[400], 403: errors[403], 409: errors[409] },
    }),
    async (c) => {
      requireAdmin(c);
      const user = await createUser(c.get('services').database.db, { input: c.req.valid('json'), actor: requestAuditActor(c) });
      return c.json(await userResponse(c, user.id), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/users/{id}',
      tags: ['Sales organisation'],
      summary: 'Change a person’s team, role, capacity, weight, absence or active flag',
      description: 'Leads the person already owns stay theirs; deactivating or marking someone away only stops new assignments.',
      request: { params: idParam, body: { content: { 'application/json': { schema: userChangesBodySchema } }, required: true } },
      responses: { 200: { description: 'The user', content: { 'application/json': { schema: userSchema } } }, 400: errors[400], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      requireAdmin(c);
      const services = c.get('services');
      const user = await updateUser(services.database.db, { user: c.req.valid('param').id, changes: c.req.valid('json'), actor: requestAuditActor(c), now: services.now() });
      return c.json(await userResponse(c, user.id), 200);
    },
  );

  return app;
}
