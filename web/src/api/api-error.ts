import type { components } from './schema.d.ts';

export type FieldIssue = components['schemas']['Error']['error']['issues'][number];

/**
 * A request the API refused (or that never reached it): what the screens show next to the field or
 * action it concerns. `status` 0 means the network failed; `retryAfterSeconds` is set on 429.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: readonly FieldIssue[];
  readonly requestId: string | null;
  readonly retryAfterSeconds: number | null;

  constructor(options: { status: number; code: string; message: string; issues?: readonly FieldIssue[]; requestId?: string | null; retryAfterSeconds?: number | null }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.issues = options.issues ?? [];
    this.requestId = options.requestId ?? null;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }

  /** The message of the issue at `path` (a body field such as `email`, or a query parameter), as a sentence to show under that field. */
  issueAt(path: string): string | undefined {
    const message = this.issues.find((issue) => issue.path === path || issue.path === `query.${path}`)?.message;
    if (!message) return undefined;
    const sentence = message.charAt(0).toUpperCase() + message.slice(1);
    return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function looksLikeErrorBody(body: unknown): body is components['schemas']['Error'] {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/** The ApiError for a response that is not ok, from the API's `{ error: { code, message, issues, requestId } }` body when it has one. */
export function apiErrorFromResponse(response: Response, body: unknown): ApiError {
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  if (looksLikeErrorBody(body)) {
    const { code, message, issues, requestId } = body.error;
    return new ApiError({ status: response.status, code, message, issues: issues ?? [], requestId, retryAfterSeconds });
  }
  return new ApiError({
    status: response.status,
    code: 'HTTP_ERROR',
    message: response.status >= 500 ? 'leadpact could not answer right now. Try again in a moment.' : `The request was refused (HTTP ${response.status}).`,
    requestId: response.headers.get('x-request-id'),
    retryAfterSeconds,
  });
}

export function networkError(cause: unknown): ApiError {
  const error = new ApiError({ status: 0, code: 'NETWORK', message: 'Could not reach leadpact. Check your connection and try again.' });
  error.cause = cause;
  return error;
}
