import type { Context } from 'hono';
import type { AccessContext } from '../core/access/access-context.ts';
import type { AppEnv } from './app-env.ts';
import { principalOf } from './require-scope.ts';

/**
 * Who is calling and under which access settings: what the use cases take to ask the access policy.
 * UNAUTHENTICATED (401) when nobody is signed in.
 */
export function accessOf(c: Context<AppEnv>): AccessContext {
  return { principal: principalOf(c), settings: { repsSeeTeam: c.get('services').config.repsSeeTeam } };
}
