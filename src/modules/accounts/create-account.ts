import type { Kysely } from 'kysely';
import type { AccessContext } from '../../core/access/access-context.ts';
import { decideAccountOwnerOnCreate, defaultAccountOwnerId } from '../../core/access/access-policy.ts';
import { normalizeCompanyName } from '../../core/normalize/normalize-company.ts';
import type { AccountRow, Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { assertRoleMay, enforceDecision } from '../access/enforce-access.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { loadActivePact } from '../pact/load-active-pact.ts';
import { classifyAccountColumns } from './account-classification.ts';
import type { NewAccount } from './account-fields.ts';
import { accountCountryFrom, accountDomainFrom } from './account-normalization.ts';
import { resolveAccountOwner } from './account-owner.ts';
import { findAccountsByDomains, insertAccountUnlessDomainTaken } from './account.repository.ts';
import { findUserById } from '../team/user.repository.ts';

function domainTaken(domain: string, existing: AccountRow | undefined): AppError {
  return new AppError('CONFLICT', {
    userMessage: `an account with domain ${domain} already exists${existing ? ` (${existing.name})` : ''}`,
    issues: [{ path: 'domain', message: `${domain} belongs to account ${existing?.id ?? 'created meanwhile'}` }],
  });
}

/**
 * Creates an account by hand (capture creates them too, from lead domains). The domain is the
 * registrable part of the domain or website given and is unique (409 naming `domain`); the country
 * is normalized to ISO alpha-2 (unknown: 400 naming `country`); the owner must be an active sales rep
 * or manager. The class is the one given, else the active pact's classification of the account's
 * fields. Currency defaults to the pact's. Audited.
 *
 * Admins and sales create accounts (403 for others). A sales rep's or manager's account is theirs
 * unless they name an owner — a rep only themselves, a manager a member of their team (403).
 */
export async function createAccount(db: Kysely<Database>, options: { input: NewAccount; actor: AuditActor; access: AccessContext }): Promise<AccountRow> {
  const { input, access } = options;
  assertRoleMay(access, 'account:create');
  const domain = accountDomainFrom(input);
  const country = accountCountryFrom(input.country ?? null);
  const { pact } = await loadActivePact(db);
  return db.transaction().execute(async (trx) => {
    const named = await resolveAccountOwner(trx, input);
    const defaultOwnerId = defaultAccountOwnerId(access);
    const owner = named !== undefined ? named : defaultOwnerId ? ((await findUserById(trx, defaultOwnerId)) ?? null) : null;
    enforceDecision(decideAccountOwnerOnCreate(access, owner ? { userId: owner.id, teamId: owner.team_id } : null), access, { action: 'account:create', target: { type: 'account', id: null } });
    const [existing] = await findAccountsByDomains(trx, [domain]);
    if (existing) throw domainTaken(domain, existing);
    const name = normalizeCompanyName(input.name);
    const fields = {
      name: name.display,
      domain,
      industry: input.industry ?? null,
      employees: input.employees ?? null,
      annual_revenue_minor: input.annualRevenueMinor ?? null,
      currency: input.currency ?? pact.currency,
      country,
    };
    const classColumns = classifyAccountColumns({ ...fields, ownerEmail: owner?.email ?? null }, pact, input.accountClass ?? null);
    const account = await insertAccountUnlessDomainTaken(trx, {
      ...fields,
      name_key: name.matchKey || name.display.toLowerCase(),
      website: input.website ?? null,
      owner_id: owner?.id ?? null,
      ...classColumns,
    });
    if (!account) throw domainTaken(domain, (await findAccountsByDomains(trx, [domain]))[0]);
    await recordAudit(trx, {
      actor: options.actor,
      action: 'create',
      entityType: 'account',
      entityId: account.id,
      newValues: { ...fields, website: account.website, owner_id: account.owner_id, ...classColumns },
    });
    return account;
  });
}
