import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { AppEnv } from '../app-env.ts';

export function healthRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      security: [],
      tags: ['System'],
      summary: 'Liveness and database reachability',
      responses: {
        200: { description: 'Up', content: { 'application/json': { schema: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) } } },
      },
    }),
    async (c) => {
      const { database } = c.get('services');
      await sql`select 1`.execute(database.db);
      return c.json({ status: 'ok' as const, database: database.kind }, 200);
    },
  );
  return app;
}
