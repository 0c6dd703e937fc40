import type { AccessContext } from '../../core/access/access-context.ts';
import { recordScopeOf } from '../../core/access/access-policy.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { authorizeAccount } from '../access/authorize-record.ts';
import { findUserById } from '../team/user.repository.ts';
import { countLeadsByStage, countOpenOpportunities, listRecentLeadsOfAccount } from './account-query.repository.ts';
import { findAccountById } from './account.repository.ts';
import { leadCountsOf } from './lead-counts.ts';

const recentLeadCount = 10;

/**
 * An account with its owner, its live leads counted by stage, its newest leads and its open
 * opportunities — the leads and opportunities only those the caller may read (a rep looking at the
 * company of their own lead does not see their colleagues' leads there). 404 for an account the
 * caller may not see, as for one that does not exist; 403 for roles that read no accounts.
 */
export async function getAccount(db: Db, options: { accountId: string; access: AccessContext }) {
  const id = options.accountId;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw AppError.validation([{ path: 'id', message: 'not an account id (uuid)' }]);
  await authorizeAccount(db, options.access, id, 'read');
  const account = await findAccountById(db, id);
  if (!account) throw AppError.notFound('account', id);
  const scope = recordScopeOf(options.access);
  const [owner, counts, recentLeads, openOpportunities] = await Promise.all([
    account.owner_id ? findUserById(db, account.owner_id) : undefined,
    countLeadsByStage(db, [id], scope),
    listRecentLeadsOfAccount(db, id, scope, recentLeadCount),
    countOpenOpportunities(db, id, scope),
  ]);
  return { account, owner: owner ?? null, leadCounts: leadCountsOf(counts.get(id)), recentLeads, openOpportunities };
}
