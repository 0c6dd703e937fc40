import type { AccessContext } from '../../core/access/access-context.ts';
import { recordScopeOf } from '../../core/access/access-policy.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { assertRoleMay } from '../access/enforce-access.ts';
import { resolveCampaign } from '../campaigns/resolve-campaign.ts';
import { queryTouches, type TouchListCursor } from './touch-query.repository.ts';

export function encodeTouchCursor(cursor: TouchListCursor): string {
  return Buffer.from(`${cursor.occurredAt.toISOString()}|${cursor.id}`).toString('base64url');
}

export function decodeTouchCursor(text: string): TouchListCursor {
  const [at, id] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  const occurredAt = new Date(at ?? '');
  if (!id || Number.isNaN(occurredAt.getTime()) || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw AppError.validation([{ path: 'cursor', message: 'not a cursor returned by this endpoint' }]);
  }
  return { occurredAt, id };
}

/**
 * A page of touches, most recent interaction first, optionally of one lead, one campaign (id or
 * exact name; unknown: 400 naming `campaign`) or one type, with the cursor of the next page. Only
 * touches of leads the caller may read (a lead they may not see simply has none here).
 */
export async function listTouches(
  db: Db,
  options: { leadId?: string | undefined; campaign?: string | undefined; type?: string | undefined; cursor?: string | undefined; limit: number; access: AccessContext },
) {
  assertRoleMay(options.access, 'touch:list');
  const cursor = options.cursor ? decodeTouchCursor(options.cursor) : null;
  const campaign = options.campaign ? await resolveCampaign(db, options.campaign) : null;
  const rows = await queryTouches(
    db,
    recordScopeOf(options.access),
    { ...(options.leadId ? { leadId: options.leadId } : {}), ...(campaign ? { campaignId: campaign.id } : {}), ...(options.type ? { type: options.type } : {}) },
    cursor,
    options.limit + 1,
  );
  const page = rows.slice(0, options.limit);
  const last = page[page.length - 1];
  return { touches: page, nextCursor: rows.length > options.limit && last ? encodeTouchCursor({ occurredAt: last.occurred_at, id: last.id }) : null };
}
