import { accountOnlyFacts } from '../../core/lead/build-lead-facts.ts';
import type { AccountClass, PactDocument } from '../../core/pact/pact-schema.ts';
import { classifyAccount, defaultClassPriority } from '../../core/routing/classify-account.ts';
import type { AccountRow } from '../../db/database.ts';

/** The class_reason of an account whose class someone set by hand; the pact then leaves it alone. */
export const manualClassReason = 'set by hand';

export function isClassSetByHand(account: Pick<AccountRow, 'class_reason'>): boolean {
  return account.class_reason?.startsWith(manualClassReason) ?? false;
}

export interface AccountClassColumns {
  account_class: AccountClass;
  class_priority: number;
  class_reason: string;
}

/**
 * The class of an account: the one given by hand, else the first of the pact's classification rules
 * that holds on the account's own fields (never a lead's). Revenue in another currency than the
 * pact's is not compared with the pact's thresholds. A class set by hand keeps the priority the pact
 * would give when the pact agrees, else the default priority, and its reason says what the pact
 * would have said.
 */
export function classifyAccountColumns(
  account: Pick<AccountRow, 'name' | 'domain' | 'industry' | 'employees' | 'annual_revenue_minor' | 'currency' | 'country'> & { ownerEmail: string | null },
  pact: PactDocument,
  classSetByHand: AccountClass | null,
): AccountClassColumns {
  const facts = accountOnlyFacts({
    name: account.name,
    domain: account.domain,
    industry: account.industry,
    employees: account.employees,
    annualRevenue: account.currency === pact.currency ? account.annual_revenue_minor : null,
    country: account.country,
    ownerEmail: account.ownerEmail,
  });
  const byPact = classifyAccount({ facts, classification: pact.classification });
  if (classSetByHand === null) return { account_class: byPact.accountClass, class_priority: byPact.priority, class_reason: byPact.reason };
  return {
    account_class: classSetByHand,
    class_priority: byPact.accountClass === classSetByHand ? byPact.priority : defaultClassPriority,
    class_reason: `${manualClassReason} (the pact would say ${byPact.accountClass})`,
  };
}
