import type { Principal } from '../../core/access/principal.ts';
import type { RecordRelation } from '../../core/access/record-relation.ts';
import { AppError } from '../../errors/app-error.ts';

/** What a denial was about, for the log: never shown to the caller. */
export interface AccessDenial {
  principal: Principal;
  /** e.g. "lead:reassign", "campaign:write". */
  action: string;
  target: { type: string; id: string | null };
  /** The record's relations to the principal, when a record was involved. */
  relations: readonly RecordRelation[] | null;
  reason: string;
}

/**
 * A request the access policy refused: FORBIDDEN (403), or NOT_FOUND (404) for a record the
 * principal may not see — then with exactly the message a missing record gets, so the answer says
 * nothing about whether it exists. The edge logs `denial` (who, what, which record, why).
 */
export class AccessDeniedError extends AppError {
  readonly denial: AccessDenial;

  constructor(code: 'FORBIDDEN' | 'NOT_FOUND', userMessage: string, denial: AccessDenial) {
    super(code, { userMessage, message: `access denied: ${denial.action} on ${denial.target.type} ${denial.target.id ?? ''}: ${denial.reason}` });
    this.name = 'AccessDeniedError';
    this.denial = denial;
  }
}

export function isAccessDenied(error: unknown): error is AccessDeniedError {
  return error instanceof AccessDeniedError;
}
