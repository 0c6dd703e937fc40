import type { Role } from '../auth/session-query.ts';

/** What the lead page offers the signed-in user on one lead. */
export interface LeadPermissions {
  /** One step along the waterfall, or out through disqualified / recycled. */
  moveStage: boolean;
  /** Any other stage move (skipping, going back, reopening): a correction for admins. */
  correctStage: boolean;
  reassign: boolean;
  /** Mark junk and restore from junk. */
  junk: boolean;
  merge: boolean;
  /** Correct the contact details (name, title, phone, company, place). */
  editContact: boolean;
  readAudit: boolean;
}

const nothing: LeadPermissions = { moveStage: false, correctStage: false, reassign: false, junk: false, merge: false, editContact: false, readAudit: false };

/**
 * Which actions to offer, mirroring the server's access policy (src/core/access/access-policy.ts)
 * so nobody is shown a button that can only fail: admins everything; marketing curates (junk,
 * restore, merge) but never moves or hands over a lead; a sales manager moves and reassigns the
 * leads they can see (their own and their team's — the API shows them no others); a rep moves
 * the stage of their own leads only (a teammate's lead, when reps see their team, is read-only).
 * Everyone but executives may correct the contact details of the leads they may work.
 * The API still decides every request; this only hides what it would refuse.
 */
export function leadPermissionsFor(user: { id: string; role: Role }, lead: { ownerId: string | null }): LeadPermissions {
  switch (user.role) {
    case 'admin':
      return { moveStage: true, correctStage: true, reassign: true, junk: true, merge: true, editContact: true, readAudit: true };
    case 'marketing':
      return { ...nothing, junk: true, merge: true, editContact: true };
    case 'sales_manager':
      return { ...nothing, moveStage: true, reassign: true, editContact: true };
    case 'sales_rep':
      return { ...nothing, moveStage: lead.ownerId === user.id, editContact: lead.ownerId === user.id };
    case 'executive':
      return nothing;
  }
}
