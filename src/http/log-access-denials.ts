import type { MiddlewareHandler } from 'hono';
import type { Principal } from '../core/access/principal.ts';
import { isAppError } from '../errors/app-error.ts';
import { isAccessDenied } from '../modules/access/access-denied-error.ts';
import type { AppEnv } from './app-env.ts';

/** Who was refused, as the log names them: ids and role, never a secret. */
export function principalForLog(principal: Principal | undefined): Record<string, unknown> {
  if (!principal) return { kind: 'anonymous' };
  switch (principal.kind) {
    case 'user':
      return { kind: 'user', userId: principal.userId, role: principal.role, teamId: principal.teamId };
    case 'api_key':
      return { kind: 'api_key', keyId: principal.keyId, userId: principal.userId, role: principal.role, teamId: principal.teamId };
    case 'operator':
      return { kind: 'operator' };
    case 'form':
      return { kind: 'form' };
  }
}

/**
 * Logs every access denial of a request, after the error became its response: the access
 * policy's (403, and the 404s that hide a record — with the principal, the action, the target
 * and the reason) and every other 403 (a key's missing scope, an admin-only route). A denied
 * request is a `warn`: worth seeing, not an error of ours.
 */
export function logAccessDenials(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const error = c.error;
    if (!error) return;
    const logger = c.get('services').logger;
    const requestId = c.get('requestId');
    const request = { method: c.req.method, path: c.req.path };
    if (isAccessDenied(error)) {
      const { denial } = error;
      logger.warn(
        { requestId, ...request, principal: principalForLog(denial.principal), action: denial.action, target: denial.target, relations: denial.relations, answer: error.code, reason: denial.reason },
        'access denied',
      );
    } else if (isAppError(error) && error.code === 'FORBIDDEN') {
      logger.warn({ requestId, ...request, principal: principalForLog(c.get('principal') as Principal | undefined), answer: error.code, reason: error.userMessage }, 'access denied');
    }
  };
}
