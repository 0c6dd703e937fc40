import { demoCountry, demoCountryWeights } from './demo-countries.ts';
import { demoIndustries, demoIndustry, type DemoIndustry } from './demo-industries.ts';
import { drawSeniority, type DemoSeniority } from './demo-job-titles.ts';
import { emailIdentity, globalFreeMailDomains } from './demo-mail-domains.ts';
import type { DemoAccount } from './demo-organisation.ts';
import { nameForEmail, pickPersonName } from './demo-person-names.ts';
import { inventCompanyName, mentionsFamousBrand } from './invent-company-name.ts';
import type { SeededRandom } from './seeded-random.ts';

/** The person behind a demo lead, before anything is typed into a form. */
export interface DemoProspect {
  firstName: string;
  lastName: string;
  countryCode: string;
  /** The generated account the person works at, if any. */
  account: DemoAccount | null;
  /** The person's company as it really is (null for consumers and the self-employed). */
  company: { name: string; website: string | null; industry: DemoIndustry; employees: number } | null;
  /** The address the person owns, lower case. */
  email: string;
  freeMail: boolean;
  seniority: DemoSeniority;
  /** Works at an account that already buys from the demo company. */
  existingCustomer: boolean;
}

/** Share of leads that work at one of the generated accounts. */
export const accountLeadShare = 0.65;

const selfEmployedCompanies = ['Self-employed', 'Freelance', 'Independent consultant', 'N/A', '-', 'none'];

/** Cumulative weights for drawing accounts in O(log n): big accounts have more people filling in forms. */
class AccountPicker {
  readonly #accounts: readonly DemoAccount[];
  readonly #cumulative: number[] = [];

  constructor(accounts: readonly DemoAccount[]) {
    this.#accounts = accounts;
    let total = 0;
    for (const account of accounts) {
      total += Math.log10(account.employees + 10);
      this.#cumulative.push(total);
    }
  }

  get isEmpty(): boolean {
    return this.#accounts.length === 0;
  }

  pick(random: SeededRandom): DemoAccount {
    const target = random.next() * (this.#cumulative[this.#cumulative.length - 1] ?? 0);
    let low = 0;
    let high = this.#cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.#cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return this.#accounts[low] as DemoAccount;
  }
}

export interface ProspectDrawer {
  /** Draws a new, unique person; `countries` limits where they live (a purchased regional list). */
  draw(options: { countries?: readonly string[] | undefined }): DemoProspect;
  /** Marks an e-mail as in use, so no later real person gets the same identity. */
  reserve(email: string): void;
  isTaken(email: string): boolean;
}

/**
 * Creates the source of demo people. Everyone it draws has an e-mail no earlier person has under
 * the dedupe identity (case, Gmail dots and +tags ignored) — the only duplicates are planted ones.
 */
export function createProspectDrawer(random: SeededRandom, accounts: readonly DemoAccount[], takenDomains: Set<string>): ProspectDrawer {
  const takenIdentities = new Set<string>();
  const pickersByCountries = new Map<string, AccountPicker>();
  const pickerFor = (countries: readonly string[] | undefined): AccountPicker => {
    const cacheKey = countries?.join(',') ?? '*';
    let picker = pickersByCountries.get(cacheKey);
    if (picker === undefined) {
      picker = new AccountPicker(countries === undefined ? accounts : accounts.filter((account) => countries.includes(account.country)));
      pickersByCountries.set(cacheKey, picker);
    }
    return picker;
  };
  // About one account in twelve already buys; sales rejects its people as already_customer.
  const customerAccounts = new Set(accounts.filter(() => random.chance(0.08)).map((account) => account.key));

  const claim = (email: string): boolean => {
    const identity = emailIdentity(email);
    if (takenIdentities.has(identity)) return false;
    takenIdentities.add(identity);
    return true;
  };

  const businessEmail = (first: string, last: string, domain: string): string => {
    const f = nameForEmail(first) || 'info';
    const l = nameForEmail(last) || 'contact';
    const patterns = [
      [`${f}.${l}`, 50], [`${f.charAt(0)}${l}`, 15], [f, 8], [`${f}${l.charAt(0)}`, 5], [`${f}_${l}`, 5],
      [`${l}${f.charAt(0)}`, 5], [`${f}.${l.charAt(0)}`, 5], [`${f.charAt(0)}.${l}`, 7],
    ] as const;
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const email = `${random.weighted(patterns)}@${domain}`;
      if (claim(email)) return email;
    }
    for (let suffix = 2; ; suffix += 1) {
      const email = `${f}.${l}${suffix}@${domain}`;
      if (claim(email)) return email;
    }
  };

  const freeEmail = (first: string, last: string, countryCode: string): string => {
    const local = demoCountry(countryCode).localFreeMail;
    const domains = [...globalFreeMailDomains, ...local.map((domain) => [domain, 8] as const)];
    const f = nameForEmail(first) || 'user';
    const l = nameForEmail(last) || 'mail';
    for (let attempt = 0; ; attempt += 1) {
      const digits = String(random.int(1, attempt < 4 ? 99 : 9_999));
      const year = String(random.int(1962, 2004));
      const localPart = random.weighted([
        [`${f}.${l}`, 30], [`${f}${l}`, 15], [`${f}.${l}${digits}`, 15], [`${f.charAt(0)}${l}${digits}`, 12],
        [`${f}_${l}`, 8], [`${f}${year}`, 10], [`${l}.${f}`, 5], [`${f}${l.charAt(0)}${digits}`, 5],
      ] as const);
      const email = `${localPart}@${random.weighted(domains)}`;
      if (claim(email)) return email;
    }
  };

  const smallCompany = (countryCode: string): NonNullable<DemoProspect['company']> & { domain: string } => {
    const industry = random.weighted(demoIndustries.filter((candidate) => candidate.label !== 'Government').map((candidate) => [candidate, candidate.weight] as const));
    let invented = inventCompanyName(random, industry);
    while (mentionsFamousBrand(invented.name)) invented = inventCompanyName(random, industry);
    const tld = random.chance(0.6) ? demoCountry(countryCode).companyTld : 'com';
    let domain = `${invented.domainStem}.${tld}`;
    for (let suffix = 2; takenDomains.has(domain); suffix += 1) domain = `${invented.domainStem}${suffix}.${tld}`;
    takenDomains.add(domain);
    return { name: invented.name, website: `https://${domain}`, industry, employees: random.int(1, 45), domain };
  };

  return {
    reserve: (email) => {
      takenIdentities.add(emailIdentity(email));
    },
    isTaken: (email) => takenIdentities.has(emailIdentity(email)),
    draw: ({ countries }) => {
      const picker = pickerFor(countries);
      if (!picker.isEmpty && random.chance(accountLeadShare)) {
        const account = picker.pick(random);
        // Global companies have people abroad.
        const countryCode = countries === undefined && random.chance(0.1) ? random.weighted(demoCountryWeights) : account.country;
        const person = pickPersonName(random, demoCountry(countryCode).nameCultures);
        return {
          firstName: person.firstName,
          lastName: person.lastName,
          countryCode,
          account,
          company: { name: account.name, website: account.website, industry: demoIndustry(account.industry), employees: account.employees },
          email: businessEmail(person.firstName, person.lastName, account.domain),
          freeMail: false,
          seniority: drawSeniority(random, account.employees, false),
          existingCustomer: customerAccounts.has(account.key),
        };
      }
      const countryCode = countries === undefined ? random.weighted(demoCountryWeights) : random.pick(countries);
      const person = pickPersonName(random, demoCountry(countryCode).nameCultures);
      if (random.chance(0.4)) {
        const company = smallCompany(countryCode);
        return {
          firstName: person.firstName,
          lastName: person.lastName,
          countryCode,
          account: null,
          company: { name: company.name, website: company.website, industry: company.industry, employees: company.employees },
          email: businessEmail(person.firstName, person.lastName, company.domain),
          freeMail: false,
          seniority: drawSeniority(random, company.employees, false),
          existingCustomer: false,
        };
      }
      const hasCompany = random.chance(0.45);
      const company = hasCompany ? smallCompany(countryCode) : null;
      return {
        firstName: person.firstName,
        lastName: person.lastName,
        countryCode,
        account: null,
        company: company === null ? null : { name: company.name, website: null, industry: company.industry, employees: company.employees },
        email: freeEmail(person.firstName, person.lastName, countryCode),
        freeMail: true,
        seniority: drawSeniority(random, company?.employees ?? null, true),
        existingCustomer: false,
      };
    },
  };
}

/** What a self-employed person or consumer types into a required company field. */
export function typedNoCompany(random: SeededRandom): string {
  return random.pick(selfEmployedCompanies);
}
