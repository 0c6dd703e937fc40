import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, httpStatusByCode, isAppError, type FieldIssue } from '../errors/app-error.ts';
import { fieldIssuesFromZod } from '../errors/zod-issues.ts';
import type { AppEnv } from './app-env.ts';

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'VALIDATION_FAILED' }),
      message: z.string().openapi({ example: 'email: domain has no dot' }),
      issues: z.array(z.object({ path: z.string(), message: z.string() })),
      requestId: z.string(),
    }),
  })
  .openapi('Error');

export function errorBody(code: string, message: string, issues: FieldIssue[], requestId: string) {
  return { error: { code, message, issues, requestId } };
}

/**
 * The one place an error becomes an HTTP response. AppErrors keep their code and safe message;
 * anything else is logged with the request id and answered with a bare 500 — never a stack trace
 * or SQL text.
 */
export function respondWithError(error: unknown, c: Context<AppEnv>): Response {
  const requestId = c.get('requestId') ?? 'unknown';
  if (isAppError(error)) {
    const status = httpStatusByCode[error.code];
    if (error.retryAfterSeconds !== undefined) c.header('Retry-After', String(error.retryAfterSeconds));
    if (status >= 500) c.get('services')?.logger.error({ err: error, requestId }, 'request failed');
    return c.json(errorBody(error.code, error.userMessage, error.issues, requestId), status);
  }
  if (error instanceof HTTPException && error.status === 415) {
    const message = `unsupported Content-Type ${c.req.header('content-type') ?? '(none)'}; see /docs for what this endpoint accepts (usually application/json)`;
    return c.json(errorBody('UNSUPPORTED_MEDIA_TYPE', message, [{ path: '(content-type)', message }], requestId), 415);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 400 ? 'VALIDATION_FAILED' : 'HTTP_ERROR';
    const message = status === 400 ? 'the request body is not valid JSON' : error.message || 'request refused';
    return c.json(errorBody(code, message, status === 400 ? [{ path: '(body)', message }] : [], requestId), status);
  }
  if (error instanceof SyntaxError) {
    return c.json(errorBody('VALIDATION_FAILED', 'the request body is not valid JSON', [{ path: '(body)', message: 'not valid JSON' }], requestId), 400);
  }
  c.get('services')?.logger.error({ err: error, requestId }, 'unexpected error');
  return c.json(errorBody('INTERNAL', 'something went wrong on our side; quote the request id if you report it', [], requestId), 500);
}

/** zod-openapi's hook: a request that fails its schema gets a 400 naming each field. */
export function validationHook(result: { success: boolean; error?: unknown; target?: string }, c: Context<AppEnv>) {
  if (result.success) return undefined;
  const issues = fieldIssuesFromZod(result.error as z.ZodError, result.target === 'json' || result.target === 'form' ? '' : result.target);
  const first = issues[0];
  return c.json(errorBody('VALIDATION_FAILED', first ? `${first.path}: ${first.message}` : 'invalid request', issues, c.get('requestId') ?? 'unknown'), 400);
}

export function throwValidation(issues: FieldIssue[]): never {
  throw AppError.validation(issues);
}

export { fieldIssuesFromZod };
