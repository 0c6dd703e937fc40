import type { NewUserBody, OrganisationUser, Role, UserChangesBody } from './admin-types.ts';
import { dayInTimeZone } from './away-date.ts';

/** What the user forms hold: text as typed, so a half-typed number is never lost or rounded. */
export interface UserFormValues {
  name: string;
  email: string;
  role: Role;
  /** A team id, or '' for no team. */
  teamId: string;
  capacity: string;
  weight: string;
  /** A day (YYYY-MM-DD) in the pact calendar's zone, or '' for present. */
  awayUntil: string;
  active: boolean;
}

/** Problems the form finds before asking the API, by field; the API's own answers go to the same fields. */
export type UserFormErrors = Partial<Record<'name' | 'email' | 'capacity' | 'weight' | 'awayUntil', string>>;

export const emptyUserForm: UserFormValues = { name: '', email: '', role: 'sales_rep', teamId: '', capacity: '', weight: '1', awayUntil: '', active: true };

/** The form's values for an existing user; the away date as its day in the calendar's zone. */
export function userFormValuesOf(user: OrganisationUser, timeZone: string): UserFormValues {
  return {
    name: user.name,
    email: user.email,
    role: user.role,
    teamId: user.teamId ?? '',
    capacity: String(user.capacity),
    weight: String(user.weight),
    awayUntil: user.awayUntil === null ? '' : dayInTimeZone(user.awayUntil, timeZone),
    active: user.active,
  };
}

type WholeNumber = { value: number } | { error: string } | { empty: true };

/**
 * Text as a whole number. Only what JSON cannot carry is refused here (not a number, a fraction);
 * a number out of range (a capacity of -1) goes to the API, whose rule and wording are the ones
 * that count, and comes back at the field.
 */
export function parseWholeNumber(text: string): WholeNumber {
  const trimmed = text.trim();
  if (trimmed === '') return { empty: true };
  if (!/^[+-]?\d+$/.test(trimmed)) return { error: 'Enter a whole number.' };
  return { value: Number(trimmed) };
}

/** The PATCH body for what changed between `before` and `edited` (an empty object: nothing changed), or the fields to fix first. */
export function userChangesOf(before: UserFormValues, edited: UserFormValues): { changes: UserChangesBody; errors: UserFormErrors } {
  const changes: UserChangesBody = {};
  const errors: UserFormErrors = {};
  if (edited.name.trim() !== before.name.trim()) {
    if (edited.name.trim() === '') errors.name = 'Enter a name.';
    else changes.name = edited.name.trim();
  }
  if (edited.role !== before.role) changes.role = edited.role;
  if (edited.teamId !== before.teamId) changes.team = edited.teamId === '' ? null : edited.teamId;
  for (const field of ['capacity', 'weight'] as const) {
    if (edited[field].trim() === before[field].trim()) continue;
    const parsed = parseWholeNumber(edited[field]);
    if ('error' in parsed) errors[field] = parsed.error;
    else if ('empty' in parsed) errors[field] = field === 'capacity' ? 'Enter a capacity (0 keeps them out of routing).' : 'Enter a weight from 1 to 10.';
    else changes[field] = parsed.value;
  }
  if (edited.awayUntil !== before.awayUntil) changes.awayUntil = edited.awayUntil === '' ? null : edited.awayUntil;
  if (edited.active !== before.active) changes.active = edited.active;
  return { changes, errors };
}

/** The POST body for a new user, or the fields to fix first. Empty optional numbers are left to the API's defaults. */
export function newUserBodyOf(values: UserFormValues): { body: NewUserBody | null; errors: UserFormErrors } {
  const errors: UserFormErrors = {};
  if (values.name.trim() === '') errors.name = 'Enter a name.';
  if (values.email.trim() === '') errors.email = 'Enter an e-mail address.';
  const capacity = parseWholeNumber(values.capacity);
  const weight = parseWholeNumber(values.weight);
  if ('error' in capacity) errors.capacity = capacity.error;
  if ('error' in weight) errors.weight = weight.error;
  if (Object.keys(errors).length > 0) return { body: null, errors };
  const body: NewUserBody = {
    email: values.email.trim(),
    name: values.name.trim(),
    role: values.role,
    team: values.teamId === '' ? null : values.teamId,
    ...('value' in capacity ? { capacity: capacity.value } : {}),
    ...('value' in weight ? { weight: weight.value } : {}),
    ...(values.awayUntil ? { awayUntil: values.awayUntil } : {}),
  };
  return { body, errors };
}
