import { describe, expect, it } from 'vitest';
import { detectJunk } from '../junk/detect-junk.ts';
import { buildLeadFacts } from '../lead/build-lead-facts.ts';
import { leadInputSchema } from '../lead/lead-input.ts';
import { normalizeLeadInput } from '../normalize/normalize-lead.ts';
import { defaultPact } from '../pact/default-pact.ts';
import { normalizeCountry } from '../normalize/normalize-country.ts';
import { normalizeEmail } from '../normalize/normalize-email.ts';
import { normalizePhone } from '../normalize/normalize-phone.ts';
import { DAY_MS, localHourOfDay, localWeekday } from './demo-calendar-math.ts';
import { demoCountries } from './demo-countries.ts';
import { titlesBySeniority } from './demo-job-titles.ts';
import { demoCompetitorDomains, demoDisposableMailDomains, emailIdentity, globalFreeMailDomains } from './demo-mail-domains.ts';
import type { DemoLead } from './demo-organisation.ts';
import { firstNamesByCulture, lastNamesByCulture } from './demo-person-names.ts';
import { impossiblePhones } from './demo-phone-numbers.ts';
import { generateDemoOrganisation } from './generate-demo-organisation.ts';

const now = new Date('2026-03-15T12:00:00Z');
const organisation = generateDemoOrganisation({ seed: 20260315, now, leadCount: 2000, accountCount: 200 });
const leads = organisation.leads;
const realLeads = leads.filter((lead) => lead.plantedDirt === null || lead.plantedDirt.kind === 'impossible_phone');
const accountsByDomain = new Map(organisation.accounts.map((account) => [account.domain, account]));
const domainOf = (lead: DemoLead) => lead.input.email?.trim().toLowerCase().split('@')[1] ?? '';
const countryByWriting = new Map(demoCountries.flatMap((country) => country.writtenAs.map(([written]) => [written.toLowerCase(), country.code] as const)));
const share = (part: number, whole: number) => part / whole;

describe('demo lead inputs', () => {
  it('all pass the lead input schema — junk included', () => {
    const invalid = leads.filter((lead) => !leadInputSchema.safeParse(lead.input).success).map((lead) => lead.key);
    expect(invalid).toEqual([]);
  });

  it('are about two thirds people at generated accounts, the rest small companies and consumers', () => {
    const atAccounts = realLeads.filter((lead) => accountsByDomain.has(domainOf(lead)));
    expect(share(atAccounts.length, realLeads.length)).toBeGreaterThan(0.58);
    expect(share(atAccounts.length, realLeads.length)).toBeLessThan(0.72);
    const freeDomains = new Set([...globalFreeMailDomains.map(([domain]) => domain), ...demoCountries.flatMap((country) => country.localFreeMail)]);
    const others = realLeads.filter((lead) => !accountsByDomain.has(domainOf(lead)));
    const free = others.filter((lead) => freeDomains.has(domainOf(lead)));
    expect(share(free.length, others.length)).toBeGreaterThan(0.4);
    expect(free.some((lead) => lead.input.company === undefined)).toBe(true);
    expect(others.some((lead) => !freeDomains.has(domainOf(lead)))).toBe(true);
  });

  it('type the company like people do, sometimes differently from the account name', () => {
    const atAccounts = realLeads.filter((lead) => accountsByDomain.has(domainOf(lead)) && lead.input.company !== undefined);
    const exact = atAccounts.filter((lead) => lead.input.company === accountsByDomain.get(domainOf(lead))?.name);
    expect(share(exact.length, atAccounts.length)).toBeGreaterThan(0.5);
    expect(share(exact.length, atAccounts.length)).toBeLessThan(0.85);
    expect(atAccounts.some((lead) => lead.input.company === accountsByDomain.get(domainOf(lead))?.name.toUpperCase())).toBe(true);
    expect(atAccounts.some((lead) => lead.input.website !== undefined)).toBe(true);
  });

  it('draw names from many cultures and titles from every seniority', () => {
    expect(new Set(Object.values(firstNamesByCulture).flat()).size).toBeGreaterThanOrEqual(200);
    expect(new Set(Object.values(lastNamesByCulture).flat()).size).toBeGreaterThanOrEqual(200);
    expect(new Set(realLeads.map((lead) => lead.input.firstName)).size).toBeGreaterThan(150);
    expect(realLeads.some((lead) => /[^\x00-\x7f]/.test(`${lead.input.firstName ?? ''}${lead.input.lastName ?? ''}`))).toBe(true);
    const titles = new Set(realLeads.map((lead) => lead.input.title?.toLowerCase()));
    for (const seniority of Object.keys(titlesBySeniority) as (keyof typeof titlesBySeniority)[]) {
      expect(titlesBySeniority[seniority].some((title) => titles.has(title.toLowerCase())), seniority).toBe(true);
    }
    expect([...titles].some((title) => title === 'student' || title === 'intern' || title === 'looking for work')).toBe(true);
  });

  it('write countries as names, codes and aliases the pipeline understands', () => {
    const written = new Set(leads.map((lead) => lead.input.country).filter((country) => country !== undefined));
    for (const form of ['USA', 'United States', 'US', 'United Kingdom', 'UK', 'Germany', 'Deutschland']) expect(written, form).toContain(form);
    expect([...written].some((form) => form === form.toLowerCase() && form.length === 2)).toBe(true);
    for (const country of demoCountries) {
      for (const [form] of country.writtenAs) expect(normalizeCountry(form), form).toBe(country.code);
    }
  });

  it('give valid phones in national and international forms, about 3 % impossible', () => {
    const withPhone = realLeads.filter((lead) => lead.input.phone !== undefined);
    const impossible = withPhone.filter((lead) => lead.plantedDirt?.kind === 'impossible_phone');
    expect(share(withPhone.length, realLeads.length)).toBeGreaterThan(0.4);
    expect(share(impossible.length, withPhone.length)).toBeGreaterThan(0.015);
    expect(share(impossible.length, withPhone.length)).toBeLessThan(0.05);
    for (const lead of impossible) expect(impossiblePhones).toContain(lead.input.phone);
    for (const lead of withPhone.filter((candidate) => candidate.plantedDirt === null)) {
      const phone = lead.input.phone ?? '';
      // As the pipeline reads it: in the lead's country when it names one, else the pact's default.
      const region = lead.input.country === undefined ? 'US' : (normalizeCountry(lead.input.country) ?? 'none');
      expect(normalizePhone(phone, region).valid, `${lead.key} ${phone} (${lead.input.country})`).toBe(true);
    }
    expect(withPhone.some((lead) => lead.input.phone?.startsWith('+'))).toBe(true);
    expect(withPhone.some((lead) => lead.input.phone?.startsWith('('))).toBe(true);
  });

  it('plant re-submissions, junk and competitors in the asked shares', () => {
    const count = (kind: string) => leads.filter((lead) => lead.plantedDirt?.kind === kind).length;
    expect(count('resubmission')).toBe(80);
    expect(count('junk')).toBe(40);
    expect(count('competitor')).toBe(20);
    for (const lead of leads.filter((candidate) => candidate.plantedDirt?.kind === 'competitor')) expect(demoCompetitorDomains).toContain(domainOf(lead));
    const junk = leads.filter((lead) => lead.plantedDirt?.kind === 'junk');
    expect(junk.some((lead) => demoDisposableMailDomains.includes(domainOf(lead)))).toBe(true);
    expect(junk.some((lead) => /asdf|qwerty|zxcv|jkl/i.test(lead.input.firstName ?? ''))).toBe(true);
    expect(junk.some((lead) => /test/i.test(`${lead.input.firstName} ${lead.input.lastName}`))).toBe(true);
  });

  it('re-submit the same person with the address typed differently, and never repeat anyone else', () => {
    const byKey = new Map(leads.map((lead) => [lead.key, lead]));
    const variants = new Set<string>();
    for (const lead of leads) {
      if (lead.plantedDirt?.kind !== 'resubmission') continue;
      const original = byKey.get(lead.plantedDirt.originalLeadKey);
      expect(original?.plantedDirt === null || original?.plantedDirt.kind === 'impossible_phone').toBe(true);
      expect(lead.input.email).not.toBe(original?.input.email);
      expect(emailIdentity(lead.input.email ?? '')).toBe(emailIdentity(original?.input.email ?? ''));
      expect(lead.capturedAt.getTime()).toBeGreaterThan(original?.capturedAt.getTime() ?? Infinity);
      variants.add(lead.plantedDirt.variant);
    }
    expect(variants).toEqual(new Set(['case', 'spacing', 'gmail_dots', 'plus_tag']));
    const identities = realLeads.map((lead) => emailIdentity(lead.input.email ?? ''));
    expect(new Set(identities).size).toBe(identities.length);
  });

  it('give addresses the pipeline accepts, and its dedupe sees exactly the planted re-submissions', () => {
    const matchKey = (lead: DemoLead | undefined) => {
      const normalized = normalizeEmail(lead?.input.email ?? '');
      return normalized.ok ? normalized.matchKey : `refused: ${lead?.input.email}`;
    };
    for (const lead of leads) expect(matchKey(lead), lead.key).not.toMatch(/^refused/);
    const byKey = new Map(leads.map((lead) => [lead.key, lead]));
    for (const lead of leads) {
      if (lead.plantedDirt?.kind === 'resubmission') expect(matchKey(lead)).toBe(matchKey(byKey.get(lead.plantedDirt.originalLeadKey)));
    }
    const realKeys = realLeads.map(matchKey);
    expect(new Set(realKeys).size).toBe(realKeys.length);
  });

  it('capture with the touch that fits the campaign channel', () => {
    const channels = new Map(organisation.campaigns.map((campaign) => [campaign.key, campaign.channel]));
    const expected: Record<string, string[]> = {
      webinar: ['webinar'],
      event: ['event'],
      content: ['content_download'],
      list_purchase: ['import'],
      partner: ['contact_request', 'demo_request'],
    };
    for (const lead of leads) {
      expect(lead.input.touch?.occurredAt).toBe(lead.capturedAt.toISOString());
      const allowed = expected[channels.get(lead.campaignKey ?? '') ?? ''];
      if (allowed !== undefined) expect(allowed).toContain(lead.input.touch?.type);
    }
  });

  it('arrive mostly on weekdays in office hours, more towards now', () => {
    const located = realLeads.filter((lead) => lead.input.touch?.type !== 'import' && lead.input.country !== undefined);
    const offsetOf = (lead: DemoLead) => demoCountries.find((country) => country.code === countryByWriting.get(lead.input.country?.toLowerCase() ?? ''))?.utcOffsets[0]?.[0] ?? 0;
    const weekday = located.filter((lead) => localWeekday(lead.capturedAt.getTime(), offsetOf(lead)) <= 5);
    expect(share(weekday.length, located.length)).toBeGreaterThan(0.8);
    // US leads may sit up to three hours off the offset used here, so the band is wide.
    const office = located.filter((lead) => {
      const hour = localHourOfDay(lead.capturedAt.getTime(), offsetOf(lead));
      return hour >= 6 && hour < 21;
    });
    expect(share(office.length, located.length)).toBeGreaterThan(0.75);
    const halfYearAgo = now.getTime() - 182.5 * DAY_MS;
    const recent = leads.filter((lead) => lead.capturedAt.getTime() >= halfYearAgo).length;
    expect(recent).toBeGreaterThan(leads.length - recent);
  });

  it('plant dirt the default pact catches, without junking real people other than students', () => {
    const pact = defaultPact();
    const junk = { ...pact.junk, competitorDomains: [...demoCompetitorDomains] };
    const junkCode = (lead: DemoLead) => {
      const normalized = normalizeLeadInput(lead.input, { defaultPhoneRegion: pact.defaultPhoneRegion });
      if (!normalized.ok) return 'refused';
      return detectJunk(buildLeadFacts(normalized.lead, null), junk)?.code ?? null;
    };
    for (const lead of leads) {
      const code = junkCode(lead);
      const kind = lead.plantedDirt?.kind;
      if (kind === 'junk' || kind === 'competitor' || kind === 'impossible_phone') expect(code, `${lead.key} ${kind}`).not.toBeNull();
      else if (!/student|intern|looking for work|job seeker|between jobs/i.test(lead.input.title ?? '')) expect(code, `${lead.key} ${JSON.stringify(lead.input)}`).toBeNull();
    }
  });
});
