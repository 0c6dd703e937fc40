import { demoCountry, demoCountryWeights } from './demo-countries.ts';
import { demoIndustries, type DemoIndustry } from './demo-industries.ts';
import type { DemoAccount, DemoUser } from './demo-organisation.ts';
import { inventCompanyName, mentionsFamousBrand } from './invent-company-name.ts';
import type { SeededRandom } from './seeded-random.ts';

/** Employees at which an account counts as large (field sales) and as mid-sized (inside sales). */
export const fieldAccountMinEmployees = 1_000;
export const insideAccountMinEmployees = 50;

/**
 * Head count from a long-tailed distribution: most companies have 10–500 people, a few have tens
 * of thousands. Rounded the way a data provider reports it.
 */
export function drawEmployees(random: SeededRandom): number {
  const band = random.next();
  let employees: number;
  if (band < 0.07) employees = random.int(2, 9);
  else if (band < 0.7) employees = random.logUniform(10, 500);
  else if (band < 0.86) employees = random.logUniform(500, 1_000);
  else employees = Math.min(50_000, 1_000 * Math.pow(1 - random.next(), -1 / 1.1));
  if (employees < 100) return Math.round(employees);
  if (employees < 1_000) return Math.round(employees / 5) * 5;
  const magnitude = Math.pow(10, Math.floor(Math.log10(employees)) - 1);
  return Math.round(employees / magnitude) * magnitude;
}

/** Annual revenue in USD cents: head count times the industry's revenue per employee, give or take. */
export function annualRevenueMinorFor(random: SeededRandom, employees: number, industry: DemoIndustry): number {
  const revenueUsd = employees * industry.revenuePerEmployeeUsd * Math.exp(random.normal(0, 0.35));
  return Math.round(revenueUsd / 1_000) * 1_000 * 100;
}

function topLevelDomain(random: SeededRandom, countryCode: string, industry: DemoIndustry): string {
  if (countryCode === 'US' && industry.label === 'Government') return 'gov';
  if (countryCode === 'US' && industry.label === 'Education') return 'edu';
  if (industry.label === 'Non-profit') return 'org';
  if ((industry.label === 'Software' || industry.label === 'Technology') && random.chance(0.15)) return 'io';
  const local = demoCountry(countryCode).companyTld;
  return local !== 'com' && random.chance(0.25) ? 'com' : local;
}

function uniqueDomain(stem: string, tld: string, taken: Set<string>): string {
  const variants = [stem, `${stem}hq`, `get${stem}`, `${stem}group`, `${stem}global`, `the${stem}`];
  for (let attempt = 0; ; attempt += 1) {
    const candidate = `${variants[attempt] ?? `${stem}${attempt}`}.${tld}`;
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
}

/**
 * Accounts with invented names and unique domains. Large accounts (≥ 1,000 employees) are owned by
 * field reps, about a third of mid-sized ones by inside reps, the rest by nobody.
 * `takenDomains` collects every domain used, so later inventions never collide with these.
 */
export function generateDemoAccounts(random: SeededRandom, count: number, users: readonly DemoUser[], takenDomains: Set<string>): DemoAccount[] {
  const fieldReps = users.filter((user) => user.role === 'sales_rep' && user.teamKey === 'field-sales');
  const insideReps = users.filter((user) => user.role === 'sales_rep' && user.teamKey === 'inside-sales');
  const industryWeights = demoIndustries.map((industry) => [industry, industry.weight] as const);
  const takenNames = new Set<string>();
  const accounts: DemoAccount[] = [];
  for (let index = 0; index < count; index += 1) {
    const industry = random.weighted(industryWeights);
    const country = random.weighted(demoCountryWeights);
    let invented = inventCompanyName(random, industry);
    while (takenNames.has(invented.name.toLowerCase()) || mentionsFamousBrand(invented.name) || mentionsFamousBrand(invented.domainStem)) {
      invented = inventCompanyName(random, industry);
    }
    takenNames.add(invented.name.toLowerCase());
    const domain = uniqueDomain(invented.domainStem, topLevelDomain(random, country, industry), takenDomains);
    let employees = drawEmployees(random);
    // Public bodies are rarely tiny.
    if ((industry.label === 'Government' || industry.label === 'Education') && employees < 50) employees *= 10;
    let ownerKey: string | null = null;
    if (employees >= fieldAccountMinEmployees && fieldReps.length > 0) ownerKey = random.pick(fieldReps).key;
    else if (employees >= insideAccountMinEmployees && insideReps.length > 0 && random.chance(0.35)) ownerKey = random.pick(insideReps).key;
    accounts.push({
      key: `account-${String(index + 1).padStart(4, '0')}`,
      name: invented.name,
      domain,
      website: random.chance(0.8) ? `https://www.${domain}` : `https://${domain}`,
      industry: industry.label,
      employees,
      annualRevenueMinor: annualRevenueMinorFor(random, employees, industry),
      country,
      ownerKey,
    });
  }
  return accounts;
}
