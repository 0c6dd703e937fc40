import type { AccountClass, Classification } from '../pact/pact-schema.ts';
import { evaluateAll } from '../rules/evaluate-condition.ts';
import type { LeadFacts } from '../rules/lead-facts.ts';

export interface AccountClassification {
  accountClass: AccountClass;
  /** Higher is served first inside the class (0–100). */
  priority: number;
  /** Readable sentence for the lead page. */
  reason: string;
}

/** Priority of a lead that no classification rule matched (the schema's default rule priority). */
export const defaultClassPriority = 50;

/**
 * Puts a lead in an account class (field, inside, marketing-led): the first classification rule, in
 * pact order, whose conditions all hold gives the class and priority, and its label is named in the
 * reason. When none holds the lead gets the pact's default class at priority 50.
 */
export function classifyAccount(options: { facts: LeadFacts; classification: Classification }): AccountClassification {
  const { facts, classification } = options;
  const rule = classification.rules.find((candidate) => evaluateAll(candidate.when, facts));
  if (!rule) {
    return { accountClass: classification.defaultClass, priority: defaultClassPriority, reason: 'no classification rule matched; default class' };
  }
  return { accountClass: rule.class, priority: rule.priority, reason: `classification rule "${rule.label}" matched` };
}
