import type { AccessContext } from '../../core/access/access-context.ts';
import { recordScopeOf } from '../../core/access/access-policy.ts';
import type { Db } from '../../db/database.ts';
import { isUuid } from '../../core/identity/uuid.ts';
import { AppError } from '../../errors/app-error.ts';
import { authorizeLead } from '../access/authorize-record.ts';
import { findAccountById } from '../accounts/account.repository.ts';
import { findUserById } from '../team/user.repository.ts';
import { listDuplicateCandidatesOfLead } from './duplicate-candidate.repository.ts';
import { listEventsOfLead } from './lead-event.repository.ts';
import { findLeadById } from './lead.repository.ts';
import { listTouchesOfLead } from './touch.repository.ts';

/**
 * A lead with everything that explains it: the score and each rule that fired, the routing decision
 * and why, its account and owner, every touch and every stage change with actor and reason.
 * A lead merged into another is still returned, with `merged_into_id` pointing at the survivor.
 * Only for whoever may read the lead (404 otherwise, as for a lead that does not exist; 403 for
 * roles that read no leads); its likely duplicates are listed only when they may read those too.
 */
export async function getLead(db: Db, options: { leadId: string; access: AccessContext }) {
  const id = options.leadId;
  if (!isUuid(id)) throw AppError.validation([{ path: 'id', message: 'not a lead id (uuid)' }]);
  await authorizeLead(db, options.access, id, 'read');
  const lead = await findLeadById(db, id);
  if (!lead) throw AppError.notFound('lead', id);
  const [account, owner, touches, events, duplicates] = await Promise.all([
    lead.account_id ? findAccountById(db, lead.account_id) : undefined,
    lead.owner_id ? findUserById(db, lead.owner_id) : undefined,
    listTouchesOfLead(db, id),
    listEventsOfLead(db, id),
    listDuplicateCandidatesOfLead(db, id, recordScopeOf(options.access)),
  ]);
  return { lead, account: account ?? null, owner: owner ?? null, touches, events, duplicates };
}
