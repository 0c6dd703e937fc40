import type { FuzzRequest } from './fuzz-request.ts';
import { asSchemaObject } from './json-schema-arbitrary.ts';
import type { ApiOperation } from './openapi-operations.ts';
import type { OpenApiValidator } from './openapi-validator.ts';
import type { FuzzExchange } from './send-fuzz-request.ts';

/**
 * Statuses an operation may answer without listing them, because middleware in front of every
 * route answers them the same way everywhere (each with the Error body, which is still checked):
 * - 401: no, malformed, unknown or revoked credentials — checked before any route runs, on every
 *   route under /api (a bad key is refused even where none is needed: the caller meant to use it);
 * - 403: the key's scopes, the caller's role or the CSRF guard — wherever credentials are taken
 *   (`security` names a scheme);
 * - 413 and 415: a body over LEADPACT_MAX_BODY_BYTES, or of a media type the operation does not
 *   take — on every operation that takes a body;
 * - 429: a rate limit — on every operation.
 * Everything else an operation answers must be in its `responses`.
 */
export function crossCuttingStatusAllowed(operation: ApiOperation, status: number): boolean {
  if (status === 401) return true;
  if (status === 403) return operation.takesCredentials;
  if (status === 413 || status === 415) return operation.requestBody !== null;
  return status === 429;
}

const leakPattern = /\bat [^\n]*\.[jt]s:\d+|\bselect\b[^"]*\bfrom\b|syntax error at or near|violates (unique|foreign key|check|not-null) constraint|\bERROR:|node_modules/i;

function mediaTypeOf(headers: Headers): string | null {
  return headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? null;
}

/**
 * Everything wrong with one exchange, by the document: a 5xx; a status the operation does not
 * document (beyond the cross-cutting ones above); a body whose media type or JSON shape differs
 * from the documented one; an error body that is not `{error:{code,message,issues,requestId}}`
 * with the response's X-Request-Id, or that leaks a stack trace or SQL; a 429 without Retry-After;
 * a caller without valid credentials getting anything but 401 where credentials are needed, a
 * cross-site cookie write without the CSRF token getting anything but 403; and a JSON body the
 * document refuses being accepted. Empty when all is well.
 */
export function responseProblems(operation: ApiOperation, request: FuzzRequest, exchange: FuzzExchange, validator: OpenApiValidator): string[] {
  const problems: string[] = [];
  const { status } = exchange;
  const excerpt = exchange.text.length > 600 ? `${exchange.text.slice(0, 600)}…` : exchange.text;
  if (status >= 500) problems.push(`answered ${status}: ${excerpt}`);

  const documented = operation.responses[String(status)] ?? operation.responses.default;
  if (!documented && !crossCuttingStatusAllowed(operation, status) && status < 500) problems.push(`answered ${status}, which ${operation.key} does not document (documents ${Object.keys(operation.responses).join(', ')})`);

  const mediaType = mediaTypeOf(exchange.headers);
  let json: unknown;
  let parsed = false;
  if (mediaType === 'application/json') {
    try {
      json = JSON.parse(exchange.text);
      parsed = true;
    } catch {
      problems.push(`Content-Type application/json but the body is not JSON: ${excerpt}`);
    }
  }

  if (documented) {
    if (documented.contentTypes.length === 0 && exchange.text.length > 0 && status === 204) problems.push(`${status} documents no body but one came: ${excerpt}`);
    if (documented.contentTypes.length > 0 && (mediaType === null || !documented.contentTypes.includes(mediaType))) problems.push(`${status} documents ${documented.contentTypes.join(' or ')} but the response is ${mediaType ?? 'without Content-Type'}`);
    if (documented.jsonSchemaPointer && parsed && mediaType === 'application/json') {
      for (const problem of validator.problemsAt(documented.jsonSchemaPointer, json)) problems.push(`${status} body does not match its schema: ${problem}`);
    }
  }

  if (status >= 400) {
    if (!parsed) problems.push(`error ${status} without a JSON body: ${excerpt}`);
    else {
      for (const problem of validator.problemsAt('#/components/schemas/Error', json)) problems.push(`error body is not the Error schema: ${problem}`);
      const error = (json as { error?: { requestId?: unknown; message?: unknown } }).error;
      if (error && error.requestId !== exchange.headers.get('x-request-id')) problems.push(`error.requestId ${String(error.requestId)} is not the X-Request-Id ${exchange.headers.get('x-request-id')}`);
      if (error && typeof error.message === 'string' && error.message.trim() === '') problems.push('error.message is empty');
      if (leakPattern.test(exchange.text)) problems.push(`error body leaks internals: ${excerpt}`);
    }
  }
  if (status === 429 && !exchange.headers.get('retry-after')) problems.push('429 without Retry-After');
  // Nobody, or a key nobody issued, gets nothing but 401 from an operation that needs credentials.
  if (request.as === 'anonymous' && !operation.allowsAnonymous && status !== 401) problems.push(`an anonymous caller got ${status}, not 401`);
  if (request.as === 'forged' && operation.takesCredentials && status !== 401) problems.push(`a forged API key got ${status}, not 401`);
  // A cross-site write with the session cookie and without the CSRF token is refused (401 once the session has ended).
  if (request.as === 'csrf-less' && request.method !== 'GET' && operation.takesCredentials && !operation.allowsAnonymous && status !== 403 && status !== 401) problems.push(`a cross-site write without the CSRF token got ${status}, not 403`);

  if (request.brokenJson && status < 400 && operation.requestBody) {
    const schema = operation.requestBody.content[request.brokenJson.mediaType];
    if (schema !== undefined && !validator.accepts(asSchemaObject(schema), request.brokenJson.value)) problems.push(`accepted (${status}) a body its document refuses (${request.mutation})`);
  }
  return problems;
}
