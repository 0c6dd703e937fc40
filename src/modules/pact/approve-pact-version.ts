import type { Kysely } from 'kysely';
import type { AccessContext } from '../../core/access/access-context.ts';
import { pactSideOfRole } from '../../core/access/access-policy.ts';
import type { Database, Db, PactVersionRow, UserRow } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { assertRoleMay } from '../access/enforce-access.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { findUserByEmail, findUserById } from '../team/user.repository.ts';
import { lockPactVersion, updatePactVersion } from './pact-version.repository.ts';

/**
 * Records one side's approval of a draft. A version becomes `approved` once a marketing user and a
 * sales manager — necessarily two different people — have both approved it. A side cannot approve
 * twice, and only drafts can be approved.
 *
 * The approver is whoever is asking: the signed-in user, or the owner of the API key — signing for
 * their role's side (marketing, or sales for a sales manager; anyone else: 403). Only the operator
 * (the CLI on the database host, the demo loader) names the approver, with `approver`; anyone else
 * naming someone is refused, so nobody signs in another person's name.
 */
export async function approvePactVersion(
  db: Kysely<Database>,
  options: { version: number; access: AccessContext; approver?: { id?: string; email?: string } | undefined; actor: AuditActor; now: Date },
): Promise<PactVersionRow> {
  const { principal } = options.access;
  if (principal.kind !== 'operator') {
    if (options.approver !== undefined) throw new AppError('FORBIDDEN', { userMessage: 'you approve for yourself; only the operator (CLI) approves in someone else’s name' });
    assertRoleMay(options.access, 'pact:approve');
  }
  return db.transaction().execute(async (trx) => {
    const approver = await approverOf(trx, options.access, options.approver);
    const side = pactSideOfRole(approver.role);
    if (!side) {
      throw new AppError('FORBIDDEN', { userMessage: `${approver.email} has role ${approver.role}; a pact is approved by one marketing user and one sales manager` });
    }
    const row = await lockPactVersion(trx, options.version);
    if (!row) throw AppError.notFound('pact version', String(options.version));
    if (row.status !== 'draft') throw new AppError('CONFLICT', { userMessage: `pact version ${row.version} is ${row.status}; only drafts can be approved` });
    const already = side === 'marketing' ? row.marketing_approved_by : row.sales_approved_by;
    if (already) throw new AppError('CONFLICT', { userMessage: `the ${side} side already approved pact version ${row.version}` });
    const changes =
      side === 'marketing'
        ? { marketing_approved_by: approver.id, marketing_approved_at: options.now }
        : { sales_approved_by: approver.id, sales_approved_at: options.now };
    const bothSigned = side === 'marketing' ? row.sales_approved_by !== null : row.marketing_approved_by !== null;
    await updatePactVersion(trx, row.id, { ...changes, ...(bothSigned ? { status: 'approved' as const } : {}) });
    await recordAudit(trx, {
      actor: options.actor,
      action: 'approve',
      entityType: 'pact_version',
      entityId: row.id,
      oldValues: { [`${side}_approved_by`]: null, [`${side}_approved_at`]: null, status: row.status },
      newValues: { [`${side}_approved_by`]: approver.id, [`${side}_approved_at`]: options.now.toISOString(), status: bothSigned ? 'approved' : 'draft', approver_email: approver.email },
    });
    return { ...row, ...changes, status: bothSigned ? 'approved' : 'draft' };
  });
}

async function approverOf(db: Db, access: AccessContext, named: { id?: string; email?: string } | undefined): Promise<UserRow> {
  const { principal } = access;
  if (principal.kind === 'user' || principal.kind === 'api_key') {
    const user = await findUserById(db, principal.userId);
    if (!user) throw new AppError('UNAUTHENTICATED', { userMessage: 'your user no longer exists' });
    return user;
  }
  if (principal.kind === 'form') throw new AppError('FORBIDDEN', { userMessage: 'a web form cannot approve a pact' });
  const user = named?.id ? await findUserById(db, named.id) : named?.email ? await findUserByEmail(db, named.email) : undefined;
  if (!user) throw AppError.validation([{ path: 'approver', message: named?.id || named?.email ? 'no such user' : 'say who approves (--as EMAIL)' }]);
  return user;
}
