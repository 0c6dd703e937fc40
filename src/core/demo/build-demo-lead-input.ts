import type { LeadInput } from '../lead/lead-input.ts';
import type { TouchType } from '../pact/pact-schema.ts';
import { demoCountry } from './demo-countries.ts';
import { typedSeniority, typedTitle } from './demo-job-titles.ts';
import { impossiblePhones, typedPhoneNumber } from './demo-phone-numbers.ts';
import { typedNoCompany, type DemoProspect } from './draw-demo-prospect.ts';
import type { CampaignPlan } from './generate-demo-campaigns.ts';
import type { SeededRandom } from './seeded-random.ts';

const usStates = ['CA', 'California', 'NY', 'New York', 'TX', 'Texas', 'MA', 'Massachusetts', 'WA', 'IL', 'FL', 'GA', 'CO', 'NC'];
const sourcesWithoutCampaign = ['Website', 'Direct', 'Word of mouth', 'Referral'];
const formNames = ['Contact us', 'Pricing page', 'Newsletter sign-up', 'Get a quote'];

/** The company name as people type it: mostly right, sometimes shouting, abbreviated or with the legal form. */
export function typedCompanyName(random: SeededRandom, name: string, countryCode: string): string {
  return random.weighted([
    [name, 65],
    [`${name} ${random.pick(demoCountry(countryCode).legalSuffixes)}`, 14],
    [name.toUpperCase(), 7],
    [name.toLowerCase(), 5],
    [/^(The|City) /.test(name) || !name.includes(' ') ? name : (name.split(' ')[0] ?? name), 5],
    [name.replace(/ & /g, ' and ').replace(/^The /, ''), 4],
  ]);
}

function typedWebsite(random: SeededRandom, website: string): string {
  const host = website.replace(/^https?:\/\/(www\.)?/, '');
  return random.weighted([
    [website, 4],
    [`www.${host}`, 3],
    [host, 3],
    [`http://${host}/`, 1],
  ]);
}

function typedEmail(random: SeededRandom, email: string): string {
  if (random.chance(0.03)) {
    const [local = '', domain = ''] = email.split('@');
    return `${local.replace(/(^|\.)([a-z])/g, (_, dot: string, letter: string) => dot + letter.toUpperCase())}@${domain}`;
  }
  return random.chance(0.01) ? `${email} ` : email;
}

function touchDetail(random: SeededRandom, type: TouchType, campaign: CampaignPlan | null): Record<string, string | number | boolean | null> | undefined {
  const name = campaign?.campaign.name ?? null;
  switch (type) {
    case 'webinar':
      return { webinar: name, attended: random.chance(0.55) };
    case 'event':
      return { event: name, badge_scan: true };
    case 'content_download':
      return { asset: name };
    case 'import':
      return { list: name };
    case 'demo_request':
      return { form: 'Book a demo' };
    case 'trial_signup':
      return { plan: 'Free trial' };
    case 'contact_request':
      return { form: 'Talk to sales' };
    case 'form_fill':
      return { form: random.pick(formNames) };
    default:
      return undefined;
  }
}

function campaignAttributes(campaign: CampaignPlan | null): Record<string, string> | undefined {
  if (campaign === null) return undefined;
  const utm = (source: string, medium: string) => ({ utm_source: source, utm_medium: medium, utm_campaign: campaign.campaign.key.replace(/^campaign-/, '') });
  switch (campaign.campaign.channel) {
    case 'paid_search':
      return utm('google', 'cpc');
    case 'paid_social':
      return utm('linkedin', 'paid_social');
    case 'email':
      return utm('newsletter', 'email');
    case 'list_purchase':
      return { list_vendor: campaign.campaign.name.split(': ')[1]?.split(' ')[0] ?? 'unknown' };
    default:
      return undefined;
  }
}

/**
 * The raw lead as the form or list sends it: names, e-mail and company as typed, the country as a
 * name, code or alias, phones in national or international form (national only when the country is
 * given too), and the capture touch. `impossiblePhone` plants an unreachable number.
 */
export function buildDemoLeadInput(
  random: SeededRandom,
  options: { prospect: DemoProspect; campaign: CampaignPlan | null; capturedAt: number; touchType: TouchType; impossiblePhone: boolean; email?: string },
): LeadInput {
  const { prospect, campaign, capturedAt, touchType } = options;
  const fromList = campaign?.campaign.channel === 'list_purchase';
  const input: LeadInput = { email: options.email ?? typedEmail(random, prospect.email) };

  const nameCase = random.next();
  const cased = (name: string) => (nameCase < 0.04 ? name.toLowerCase() : nameCase < 0.06 ? name.toUpperCase() : name);
  if (random.chance(0.01)) {
    input.firstName = cased(`${prospect.firstName} ${prospect.lastName}`);
  } else {
    input.firstName = cased(prospect.firstName);
    if (!random.chance(0.01)) input.lastName = cased(prospect.lastName);
  }

  if (fromList || random.chance(0.9)) input.title = typedTitle(random, prospect.seniority);
  if (fromList || random.chance(0.22)) input.seniority = typedSeniority(random, prospect.seniority);

  const company = prospect.company;
  if (company !== null && (fromList || random.chance(0.93))) input.company = typedCompanyName(random, company.name, prospect.countryCode);
  else if (company === null && random.chance(0.3)) input.company = typedNoCompany(random);
  if (company?.website && !fromList && random.chance(0.3)) input.website = typedWebsite(random, company.website);
  if (company !== null && (fromList || random.chance(0.4))) {
    input.industry = random.chance(0.75) ? company.industry.label : random.pick(company.industry.typedAs);
  }
  if (company !== null && (fromList || random.chance(0.3))) input.employees = company.employees;
  if (prospect.account !== null && fromList && random.chance(0.5)) input.annualRevenue = prospect.account.annualRevenueMinor;

  const countryGiven = fromList || random.chance(0.8);
  if (countryGiven) input.country = random.weighted(demoCountry(prospect.countryCode).writtenAs);
  if (prospect.countryCode === 'US' && random.chance(0.3)) input.state = random.pick(usStates);

  const phoneGiven = options.impossiblePhone || random.chance(fromList ? 0.95 : touchType === 'event' ? 0.7 : 0.5);
  if (phoneGiven) input.phone = options.impossiblePhone ? random.pick(impossiblePhones) : typedPhoneNumber(prospect.countryCode, random, countryGiven);

  if (campaign !== null) {
    input.source = campaign.campaign.source;
    input.campaign = campaign.campaign.name;
  } else {
    input.source = random.pick(sourcesWithoutCampaign);
  }
  const detail = touchDetail(random, touchType, campaign);
  input.touch = { type: touchType, occurredAt: new Date(capturedAt).toISOString(), ...(detail === undefined ? {} : { detail }) };
  const attributes = campaignAttributes(campaign);
  if (attributes !== undefined) input.attributes = attributes;
  return input;
}
