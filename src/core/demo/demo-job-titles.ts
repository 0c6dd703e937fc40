import type { SeededRandom } from './seeded-random.ts';

/** How senior a demo person is; drives fit and what sales says about them. */
export type DemoSeniority = 'c_level' | 'vp' | 'director' | 'manager' | 'individual_contributor' | 'not_a_buyer';

export const titlesBySeniority: Record<DemoSeniority, readonly string[]> = {
  c_level: ['CEO', 'Chief Executive Officer', 'CFO', 'COO', 'CTO', 'Chief Marketing Officer', 'CMO', 'Chief Revenue Officer', 'CRO', 'Founder', 'Co-Founder', 'Managing Director', 'Owner', 'President', 'Founder & CEO'],
  vp: ['VP Marketing', 'VP of Sales', 'Vice President, Sales', 'VP Revenue Operations', 'SVP Sales', 'VP Demand Generation', 'VP Growth', 'Head of Sales', 'Head of Marketing', 'Head of Revenue Operations'],
  director: ['Director of Marketing', 'Sales Director', 'Director, Demand Generation', 'Director of Sales Operations', 'Marketing Director', 'Director of Revenue Operations', 'Senior Director, Marketing Operations', 'Director of Business Development', 'IT Director'],
  manager: ['Marketing Manager', 'Sales Manager', 'Marketing Operations Manager', 'Demand Generation Manager', 'Sales Operations Manager', 'CRM Manager', 'Growth Manager', 'SDR Team Lead', 'Regional Sales Manager', 'Product Marketing Manager', 'IT Manager'],
  individual_contributor: ['Sales Development Representative', 'SDR', 'BDR', 'Account Executive', 'Marketing Specialist', 'Marketing Coordinator', 'Business Analyst', 'Salesforce Administrator', 'CRM Administrator', 'Data Analyst', 'Software Engineer', 'Content Writer', 'Consultant', 'Marketing Associate', 'Operations Analyst'],
  not_a_buyer: ['Student', 'MBA Student', 'Graduate Student', 'Intern', 'Marketing Intern', 'Looking for work', 'Job seeker', 'Between jobs'],
};

/** What people pick in a seniority drop-down (forms and lists label it differently). */
const seniorityLabels: Record<DemoSeniority, readonly string[]> = {
  c_level: ['C-Level', 'C-Suite', 'Executive', 'Owner'],
  vp: ['VP', 'Vice President'],
  director: ['Director'],
  manager: ['Manager'],
  individual_contributor: ['Individual Contributor', 'Staff', 'Non-Manager'],
  not_a_buyer: ['Student', 'Entry Level', 'Other'],
};

/**
 * A seniority for someone at a company of the given size (null: nobody knows) with a business or a
 * free e-mail. Small companies are run by founders; free-mail people are more often students.
 */
export function drawSeniority(random: SeededRandom, employees: number | null, freeMail: boolean): DemoSeniority {
  const small = employees !== null && employees < 50;
  return random.weighted<DemoSeniority>([
    ['c_level', small ? 22 : 6],
    ['vp', small ? 6 : 9],
    ['director', small ? 8 : 16],
    ['manager', 26],
    ['individual_contributor', 38],
    ['not_a_buyer', freeMail ? 14 : 1.5],
  ]);
}

/** A job title as typed: mostly as listed, sometimes in lower case. */
export function typedTitle(random: SeededRandom, seniority: DemoSeniority): string {
  const title = random.pick(titlesBySeniority[seniority]);
  return random.chance(0.08) ? title.toLowerCase() : title;
}

export function typedSeniority(random: SeededRandom, seniority: DemoSeniority): string {
  return random.pick(seniorityLabels[seniority]);
}
