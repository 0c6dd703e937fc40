/**
 * The one error type leadpact throws on purpose. `code` says which case it is, `message` is for logs,
 * `userMessage` is safe to show to whoever sent the request, `issues` names the fields at fault.
 * The HTTP layer and the CLI map codes to statuses / exit codes in one place each.
 */
export type AppErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNPROCESSABLE'
  | 'DATA_DIR_LOCKED'
  | 'SUPPRESSED'
  | 'INTERNAL';

/** One problem with the input: where it is (a dotted path or a CSV column) and why it is wrong. */
export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly issues: FieldIssue[];
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: AppErrorCode,
    options: { message?: string; userMessage?: string; issues?: FieldIssue[]; cause?: unknown; retryAfterSeconds?: number } = {},
  ) {
    const userMessage = options.userMessage ?? options.message ?? code;
    super(options.message ?? userMessage, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = userMessage;
    this.issues = options.issues ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  static validation(issues: FieldIssue[], userMessage?: string): AppError {
    const first = issues[0];
    return new AppError('VALIDATION_FAILED', {
      userMessage: userMessage ?? (first ? `${first.path}: ${first.message}` : 'invalid input'),
      issues,
    });
  }

  static notFound(what: string, id: string): AppError {
    return new AppError('NOT_FOUND', { userMessage: `${what} ${id} not found` });
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** The edge's single map from error code to HTTP status. */
export const httpStatusByCode: Record<AppErrorCode, 400 | 401 | 403 | 404 | 409 | 413 | 422 | 423 | 429 | 500> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  DATA_DIR_LOCKED: 423,
  SUPPRESSED: 422,
  INTERNAL: 500,
};
