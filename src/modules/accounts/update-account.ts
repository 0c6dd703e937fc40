import type { Kysely, Updateable } from 'kysely';
import type { AccessContext } from '../../core/access/access-context.ts';
import { decideAssignee } from '../../core/access/access-policy.ts';
import type { AccountRow, AccountsTable, Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { assertKind, authorizeAccount } from '../access/authorize-record.ts';
import { assertRecordMay, enforceDecision } from '../access/enforce-access.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { loadActivePact } from '../pact/load-active-pact.ts';
import { findUserById } from '../team/user.repository.ts';
import { classifyAccountColumns, isClassSetByHand } from './account-classification.ts';
import type { AccountChanges } from './account-fields.ts';
import { accountCountryFrom } from './account-normalization.ts';
import { resolveAccountOwner } from './account-owner.ts';
import { lockAccountById, updateAccount as updateAccountRow } from './account.repository.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Changes an account's owner, class, industry, size, revenue or country. A class given by hand sticks
 * until `accountClass: null` hands it back to the pact; otherwise the account is classified again
 * from its new fields under the active pact. Leads already captured keep the class they were routed
 * under. The audit entry holds the old and new value of every column that changed.
 *
 * The access policy decides: `edit` for the fields (admins, a manager's team accounts, a rep's own),
 * `reassign` for the owner (admins; managers within their team). An account the caller may not see
 * is a 404; one they may only read (a rep's lead's company) a 403.
 */
export async function updateAccount(db: Kysely<Database>, options: { accountId: string; changes: AccountChanges; actor: AuditActor; now: Date; access: AccessContext }): Promise<AccountRow> {
  const { changes, access } = options;
  if (!uuidPattern.test(options.accountId)) throw AppError.validation([{ path: 'id', message: 'not an account id (uuid)' }]);
  assertKind(access, 'account');
  const country = changes.country === undefined ? undefined : accountCountryFrom(changes.country);
  const { pact } = await loadActivePact(db);
  return db.transaction().execute(async (trx) => {
    const before = await lockAccountById(trx, options.accountId);
    if (!before) throw AppError.notFound('account', options.accountId);
    const relations = await authorizeAccount(trx, access, before.id, 'read');
    const changesOwner = changes.ownerId !== undefined || changes.ownerEmail !== undefined;
    const changesFields = Object.keys(changes).some((field) => field !== 'ownerId' && field !== 'ownerEmail');
    if (changesFields) assertRecordMay(access, 'account', 'edit', { id: before.id, relations });
    if (changesOwner) assertRecordMay(access, 'account', 'reassign', { id: before.id, relations });
    const owner = await resolveAccountOwner(trx, changes);
    if (owner !== undefined && (owner?.id ?? null) !== before.owner_id) {
      enforceDecision(decideAssignee(access, owner ? { userId: owner.id, teamId: owner.team_id } : null), access, { action: 'account:reassign', target: { type: 'account', id: before.id }, relations });
    }
    const update: Updateable<AccountsTable> = {};
    if (owner !== undefined) update.owner_id = owner?.id ?? null;
    if (changes.industry !== undefined) update.industry = changes.industry;
    if (changes.employees !== undefined) update.employees = changes.employees;
    if (changes.annualRevenueMinor !== undefined) update.annual_revenue_minor = changes.annualRevenueMinor;
    if (changes.currency !== undefined) update.currency = changes.currency;
    if (country !== undefined) update.country = country;

    const merged = { ...before, ...update } as AccountRow;
    const ownerEmail = merged.owner_id === null ? null : (owner?.email ?? (await findUserById(trx, merged.owner_id))?.email ?? null);
    const classSetByHand = changes.accountClass !== undefined ? changes.accountClass : isClassSetByHand(before) ? before.account_class : null;
    Object.assign(update, classifyAccountColumns({ ...merged, ownerEmail }, pact, classSetByHand));

    const changed = (Object.keys(update) as (keyof AccountRow)[]).filter((column) => (update as Partial<AccountRow>)[column] !== before[column]);
    if (changed.length === 0) return before;
    const after = await updateAccountRow(trx, before.id, { ...Object.fromEntries(changed.map((column) => [column, (update as Partial<AccountRow>)[column]])), updated_at: options.now });
    await recordAudit(trx, {
      actor: options.actor,
      action: 'update',
      entityType: 'account',
      entityId: before.id,
      oldValues: Object.fromEntries(changed.map((column) => [column, before[column]])),
      newValues: Object.fromEntries(changed.map((column) => [column, after[column]])),
    });
    return after;
  });
}
