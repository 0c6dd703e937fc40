import type { components } from '../api/schema.d.ts';

export type AccountClass = NonNullable<components['schemas']['LeadSummary']['accountClass']>;

/** The pact's account classes, in the pact's order, with what the screens call them. */
export const accountClassLabels: Record<AccountClass, string> = { field: 'Field', inside: 'Inside', marketing_led: 'Marketing-led' };

export const accountClassValues = Object.keys(accountClassLabels) as AccountClass[];

export function isAccountClass(value: unknown): value is AccountClass {
  return typeof value === 'string' && Object.hasOwn(accountClassLabels, value);
}
