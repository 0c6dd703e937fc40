import { grades, touchTypes } from './pact-schema.ts';
import { leadScalarFields } from '../lead/lead-input.ts';

/**
 * What a pact condition may name: the roots of `LeadFacts` and the fields under each. The validator
 * rejects anything else, because at run time an unknown path silently reads as blank and the rule
 * never fires — a typo would quietly change who gets the lead.
 */
export const knownFactRoots = ['lead', 'account', 'email', 'phone', 'name', 'score', 'touch'] as const;
export type FactRoot = (typeof knownFactRoots)[number];

/** Columns of the lead a condition may test as `lead.<field>`; `lead.attributes.<name>` reads an imported column. */
export const knownLeadFields = [...leadScalarFields.filter((field) => field !== 'externalId'), 'attributes.*'] as const;

/** The fields under every root (for `lead` the wildcard `attributes.*` stands for any imported column). */
export const knownFactFields: Record<FactRoot, readonly string[]> = {
  lead: knownLeadFields,
  account: ['name', 'domain', 'industry', 'employees', 'annualRevenue', 'country', 'ownerEmail'],
  email: ['domain', 'kind'],
  phone: ['valid'],
  name: ['keyboard_mash', 'test'],
  score: ['grade', 'fit', 'engagement', 'total'],
  touch: ['hand_raiser', 'types'],
};

/** Roots only known once the lead is scored: fit, junk and classification run before that. */
export const scoringOnlyRoots: readonly FactRoot[] = ['score', 'touch'];

/** Facts that are true or false. */
export const booleanFacts: readonly string[] = ['phone.valid', 'name.keyboard_mash', 'name.test', 'touch.hand_raiser'];

/** Facts that are numbers (comparisons like gt and between only make sense on these). */
export const numericFacts: readonly string[] = [
  'lead.employees',
  'lead.annualRevenue',
  'account.employees',
  'account.annualRevenue',
  'score.fit',
  'score.engagement',
  'score.total',
];

/** Facts with a closed set of values (compared case-insensitively). */
export const enumeratedFacts: Readonly<Record<string, readonly string[]>> = {
  'email.kind': ['business', 'free', 'disposable', 'role', 'missing'],
  'score.grade': grades,
  'touch.types': touchTypes,
};

/** Facts that hold a list (a condition matches when any element does), so two `eq` on them do not contradict. */
export const listFacts: readonly string[] = ['touch.types'];

export function isFactRoot(value: string): value is FactRoot {
  return (knownFactRoots as readonly string[]).includes(value);
}
