import type { LeadInput } from '../lead/lead-input.ts';
import { demoCountry, demoCountryWeights } from './demo-countries.ts';
import { demoCompetitorDomains, demoCompetitorNames, demoDisposableMailDomains, dotInsensitiveMailDomains, globalFreeMailDomains } from './demo-mail-domains.ts';
import type { DemoPlantedDirt } from './demo-organisation.ts';
import { nameForEmail, pickPersonName } from './demo-person-names.ts';
import type { SeededRandom } from './seeded-random.ts';

/**
 * The dirt every real inbox gets: the same person submitting again with their address typed
 * differently, throw-away and keyboard-mash sign-ups, competitors looking around. The pipeline must
 * turn the first into a touch and mark the rest junk, never drop them.
 */

export type ResubmissionVariant = Extract<DemoPlantedDirt, { kind: 'resubmission' }>['variant'];
export type JunkReason = Extract<DemoPlantedDirt, { kind: 'junk' }>['reason'];

const keyboardMashNames: readonly (readonly [string, string])[] = [
  ['asdf', 'asdf'], ['qwerty', 'qwerty'], ['sdfsdf', 'dfgdfg'], ['jkl', 'jkl'], ['aaa', 'aaa'], ['xxxx', 'xxxx'], ['hjkl', 'asdf'], ['zxcv', 'zxcv'], ['Asdf', 'Qwer'],
];
const testNames: readonly (readonly [string, string])[] = [['Test', 'Test'], ['test', 'test'], ['Test', 'User'], ['Testing', 'Test'], ['TEST', 'LEAD'], ['Test', 'Account']];
const competitorTitles = ['Product Manager', 'Competitive Intelligence Analyst', 'Product Marketing Manager', 'Sales Engineer', 'Marketing Manager', 'Founder'];
const plusTags = ['work', 'news', 'leads', 'webinar', 'spam', 'vendors'];

function capitalizeParts(text: string): string {
  return text.replace(/(^|[.\-_])([a-z])/g, (_, separator: string, letter: string) => separator + letter.toUpperCase());
}

/** The variants a re-submitted address can take; dots and +tags only where the provider ignores them. */
export function resubmissionVariantsFor(email: string): readonly ResubmissionVariant[] {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return dotInsensitiveMailDomains.includes(domain) ? ['case', 'spacing', 'gmail_dots', 'plus_tag'] : ['case', 'spacing'];
}

/** The same address written differently, as the person types it the next time. */
export function resubmittedEmail(random: SeededRandom, email: string, variant: ResubmissionVariant): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  switch (variant) {
    case 'case':
      return random.chance(0.3) ? email.toUpperCase() : `${capitalizeParts(local)}@${capitalizeParts(domain)}`;
    case 'spacing':
      // Always leading white space: a first submission may already have carried a trailing one.
      return random.pick([`  ${email}`, ` ${email}`, ` ${email}  `, `\t${email}`]);
    case 'gmail_dots': {
      if (local.includes('.')) return `${local.replace(/\./g, '')}@${domain}`;
      const cut = random.int(1, Math.max(1, local.length - 1));
      return `${local.slice(0, cut)}.${local.slice(cut)}@${domain}`;
    }
    case 'plus_tag':
      return `${local}+${random.pick(plusTags)}@${domain}`;
  }
}

function randomFreeMailDomain(random: SeededRandom): string {
  return random.weighted(globalFreeMailDomains);
}

/** A junk sign-up: a throw-away inbox, a keyboard mash or a test entry. Country and phone are optional as in real junk. */
export function junkLeadFields(random: SeededRandom, reason: JunkReason): Pick<LeadInput, 'email' | 'firstName' | 'lastName' | 'company' | 'title' | 'country'> {
  const digits = String(random.int(1, 9_999));
  if (reason === 'disposable_mail') {
    const countryCode = random.weighted(demoCountryWeights);
    const person = pickPersonName(random, demoCountry(countryCode).nameCultures);
    return {
      email: `${nameForEmail(person.firstName)}${digits}@${random.pick(demoDisposableMailDomains)}`,
      firstName: person.firstName,
      lastName: person.lastName,
      ...(random.chance(0.5) ? { country: random.weighted(demoCountry(countryCode).writtenAs) } : {}),
    };
  }
  if (reason === 'keyboard_mash') {
    const [firstName, lastName] = random.pick(keyboardMashNames);
    const domain = random.chance(0.3) ? random.pick(demoDisposableMailDomains) : randomFreeMailDomain(random);
    return { email: `${nameForEmail(firstName)}${digits}@${domain}`, firstName, lastName, ...(random.chance(0.4) ? { company: random.pick(['asdf', 'qwerty inc', 'xxx']) } : {}) };
  }
  const [firstName, lastName] = random.pick(testNames);
  const domain = random.weighted([['test.com', 3], ['example.com', 2], [randomFreeMailDomain(random), 3]]);
  return { email: `test${digits}@${domain}`, firstName, lastName, ...(random.chance(0.5) ? { company: random.pick(['Test', 'Test Company', 'ACME test']) } : {}), ...(random.chance(0.3) ? { title: 'Test' } : {}) };
}

/** Someone from a competitor, with their work address and a believable title. */
export function competitorLeadFields(random: SeededRandom): Pick<LeadInput, 'email' | 'firstName' | 'lastName' | 'company' | 'title' | 'country'> {
  const domain = random.pick(demoCompetitorDomains);
  const countryCode = random.weighted([['US', 6], ['GB', 2], ['DE', 1]]);
  const person = pickPersonName(random, demoCountry(countryCode).nameCultures);
  return {
    email: `${nameForEmail(person.firstName)}.${nameForEmail(person.lastName)}${random.chance(0.2) ? String(random.int(2, 9)) : ''}@${domain}`,
    firstName: person.firstName,
    lastName: person.lastName,
    company: demoCompetitorNames[domain] ?? domain,
    title: random.pick(competitorTitles),
    ...(random.chance(0.7) ? { country: random.weighted(demoCountry(countryCode).writtenAs) } : {}),
  };
}
