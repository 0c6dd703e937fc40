import type { AccessContext } from '../../core/access/access-context.ts';
import { isUuid } from '../../core/identity/uuid.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { authorizeOpportunity } from '../access/authorize-record.ts';
import { findOpportunityWithNames, type OpportunityListRow } from './opportunity-query.repository.ts';

/** One opportunity with its owner's and account's names; 404 when the caller may not see it, as when it does not exist. */
export async function getOpportunity(db: Db, options: { opportunityId: string; access: AccessContext }): Promise<OpportunityListRow> {
  if (!isUuid(options.opportunityId)) throw AppError.validation([{ path: 'id', message: 'not an opportunity id (uuid)' }]);
  await authorizeOpportunity(db, options.access, options.opportunityId, 'read');
  const row = await findOpportunityWithNames(db, options.opportunityId);
  if (!row) throw AppError.notFound('opportunity', options.opportunityId);
  return row;
}
