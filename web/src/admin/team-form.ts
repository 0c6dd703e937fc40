import type { components } from '../api/schema.d.ts';
import type { AccountClass, Team } from './admin-types.ts';

export type NewTeamBody = components['schemas']['NewTeam'];
export type TeamChangesBody = components['schemas']['TeamChanges'];

export interface TeamFormValues {
  name: string;
  accountClass: AccountClass;
  /** The manager's e-mail (the API names managers by e-mail), or '' for none. */
  managerEmail: string;
}

export const accountClassLabels: Record<AccountClass, string> = { field: 'Field', inside: 'Inside', marketing_led: 'Marketing-led' };

export const emptyTeamForm: TeamFormValues = { name: '', accountClass: 'inside', managerEmail: '' };

export function teamFormValuesOf(team: Team): TeamFormValues {
  return { name: team.name, accountClass: team.accountClass, managerEmail: team.managerEmail ?? '' };
}

/** The POST body for a new team, or the message for the name when it is empty. */
export function newTeamBodyOf(values: TeamFormValues): { body: NewTeamBody | null; nameError?: string } {
  const name = values.name.trim();
  if (name === '') return { body: null, nameError: 'Enter a name.' };
  return { body: { name, accountClass: values.accountClass, ...(values.managerEmail ? { managerEmail: values.managerEmail } : {}) } };
}

/** The PATCH body for what changed (empty: nothing), or the message for the name when it was emptied. */
export function teamChangesOf(before: TeamFormValues, edited: TeamFormValues): { changes: TeamChangesBody; nameError?: string } {
  const changes: TeamChangesBody = {};
  const name = edited.name.trim();
  if (name !== before.name.trim()) {
    if (name === '') return { changes, nameError: 'Enter a name.' };
    changes.name = name;
  }
  if (edited.accountClass !== before.accountClass) changes.accountClass = edited.accountClass;
  if (edited.managerEmail !== before.managerEmail) changes.managerEmail = edited.managerEmail === '' ? null : edited.managerEmail;
  return { changes };
}
