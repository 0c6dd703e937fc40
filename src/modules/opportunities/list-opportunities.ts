import type { AccessContext } from '../../core/access/access-context.ts';
import { recordScopeOf } from '../../core/access/access-policy.ts';
import { isUuid } from '../../core/identity/uuid.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { assertRoleMay } from '../access/enforce-access.ts';
import { queryOpportunities, type OpportunityListCursor, type OpportunityListFilter } from './opportunity-query.repository.ts';

export function encodeOpportunityCursor(cursor: OpportunityListCursor): string {
  return Buffer.from(`${cursor.openedAt.toISOString()}|${cursor.id}`).toString('base64url');
}

export function decodeOpportunityCursor(text: string): OpportunityListCursor {
  const [at, id] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  const openedAt = new Date(at ?? '');
  if (!id || Number.isNaN(openedAt.getTime()) || !isUuid(id)) throw AppError.validation([{ path: 'cursor', message: 'not a cursor returned by this endpoint' }]);
  return { openedAt, id };
}

/**
 * A page of the opportunities the caller may read (admins and marketing: all; a manager: their
 * team's; a rep: their own, and their team's under LEADPACT_REPS_SEE_TEAM), most recently opened
 * first, with the cursor of the next page. Executives are refused (403).
 */
export async function listOpportunities(db: Db, options: { filter: OpportunityListFilter; cursor?: string | undefined; limit: number; access: AccessContext }) {
  assertRoleMay(options.access, 'opportunity:list');
  const cursor = options.cursor ? decodeOpportunityCursor(options.cursor) : null;
  const rows = await queryOpportunities(db, recordScopeOf(options.access), options.filter, cursor, options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page[page.length - 1];
  return { opportunities: page, nextCursor: rows.length > options.limit && last ? encodeOpportunityCursor({ openedAt: last.opened_at, id: last.id }) : null };
}
