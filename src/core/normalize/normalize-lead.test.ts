import { describe, expect, it } from 'vitest';
import type { LeadInput } from '../lead/lead-input.ts';
import { identityFacts, normalizeLeadInput } from './normalize-lead.ts';
import type { NormalizedLead } from './normalize-lead.ts';

const options = { defaultPhoneRegion: 'US' };

function normalized(input: LeadInput, extra: Partial<typeof options & { extraFreeMailDomains: string[] }> = {}) {
  const result = normalizeLeadInput(input, { ...options, ...extra });
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.issues)}`);
  return result;
}

describe('normalizeLeadInput', () => {
  it('cleans every field of a full lead', () => {
    const { lead, warnings } = normalized({
      email: '  Jane.Doe+Webinar@Acme.COM ',
      firstName: '  Jane ',
      lastName: ' van   der  Berg ',
      title: ' VP   of Sales ',
      phone: '(415) 555-2671',
      company: '  Acme   Holdings, Inc. ',
      website: 'https://www.acme.com/about',
      industry: ' Software ',
      employees: 250,
      annualRevenue: 5_000_000_00,
      country: 'U.S.A.',
      state: ' CA ',
      city: ' San   Francisco ',
      source: ' Google Ads ',
      campaign: ' Spring Launch ',
      externalSource: 'HubSpot',
      externalId: ' 123 ',
      attributes: { ' Budget ': ' 10k ', Consent: true, Score: 7, Empty: '  ', Nothing: null },
    });
    expect(warnings).toEqual([]);
    expect(lead).toEqual<NormalizedLead>({
      email: 'jane.doe+webinar@acme.com',
      emailDomain: 'acme.com',
      emailMatchKey: 'jane.doe@acme.com',
      emailKind: 'business',
      firstName: 'Jane',
      lastName: 'van der Berg',
      title: 'VP of Sales',
      seniority: 'vp',
      phone: '+14155552671',
      phoneValid: true,
      company: 'Acme Holdings, Inc.',
      companyMatchKey: 'acme holdings',
      website: 'https://www.acme.com/about',
      websiteDomain: 'acme.com',
      industry: 'Software',
      employees: 250,
      annualRevenue: 5_000_000_00,
      country: 'US',
      state: 'CA',
      city: 'San Francisco',
      source: 'Google Ads',
      campaign: 'Spring Launch',
      externalSource: 'HubSpot',
      externalId: '123',
      attributes: { Budget: '10k', Consent: true, Score: 7, Empty: null, Nothing: null },
    });
  });

  it('turns empty strings into null', () => {
    const { lead } = normalized({ email: 'a@acme.com', firstName: '  ', lastName: '', title: ' ', company: '\t', country: ' ', website: '', phone: ' ' });
    expect(lead).toMatchObject({ firstName: null, lastName: null, title: null, seniority: null, company: null, companyMatchKey: null, country: null, website: null, websiteDomain: null, phone: null, phoneValid: null });
  });

  it('refuses an e-mail that is not an address, naming the field', () => {
    expect(normalizeLeadInput({ email: 'jane@acme' }, options)).toEqual({ ok: false, issues: [{ path: 'email', message: 'domain has no dot' }] });
    expect(normalizeLeadInput({ email: 'jane.acme.com', phone: '(415) 555-2671' }, options)).toEqual({ ok: false, issues: [{ path: 'email', message: 'missing @' }] });
  });

  it('refuses a lead with no identity left after trimming', () => {
    expect(normalizeLeadInput({ email: '  ', firstName: 'Jane' }, options)).toEqual({
      ok: false,
      issues: [{ path: 'email', message: 'a lead needs an e-mail, a phone or an external id' }],
    });
  });

  it('keeps an impossible phone as typed, marked invalid, with a warning', () => {
    const { lead, warnings } = normalized({ email: 'jane@acme.com', phone: ' 1234567890 ' });
    expect(lead.phone).toBe('1234567890');
    expect(lead.phoneValid).toBe(false);
    expect(warnings).toEqual([{ path: 'phone', message: 'phone is a sequence of digits, not a number' }]);
  });

  it('reads phones in the default region', () => {
    expect(normalized({ phone: '030 901820' }, { defaultPhoneRegion: 'DE' }).lead.phone).toBe('+4930901820');
  });

  it('keeps an unrecognised country in attributes.country_raw with a warning', () => {
    const { lead, warnings } = normalized({ email: 'jane@acme.com', country: ' Atlantis ', attributes: { color: 'blue' } });
    expect(lead.country).toBeNull();
    expect(lead.attributes).toEqual({ color: 'blue', country_raw: 'Atlantis' });
    expect(warnings).toEqual([{ path: 'country', message: 'country "Atlantis" is not recognised; kept in attributes.country_raw' }]);
  });

  it('keeps a website that is not a domain, with a warning', () => {
    const { lead, warnings } = normalized({ email: 'jane@acme.com', website: 'our intranet' });
    expect(lead.website).toBe('our intranet');
    expect(lead.websiteDomain).toBeNull();
    expect(warnings).toEqual([{ path: 'website', message: 'website "our intranet" is not a domain' }]);
  });

  it('classifies the e-mail, with the pact’s extra free-mail domains', () => {
    expect(normalized({ email: 'jane@gmail.com' }).lead.emailKind).toBe('free');
    expect(normalized({ email: 'jane@yopmail.com' }).lead.emailKind).toBe('disposable');
    expect(normalized({ email: 'info@acme.com' }).lead.emailKind).toBe('role');
    expect(normalized({ phone: '+14155552671' }).lead.emailKind).toBe('missing');
    expect(normalized({ email: 'jane@isp.example' }, { extraFreeMailDomains: ['isp.example'] }).lead.emailKind).toBe('free');
  });

  it('derives seniority from the title only when none is given', () => {
    expect(normalized({ email: 'a@acme.com', title: 'Chief Revenue Officer' }).lead.seniority).toBe('c_level');
    expect(normalized({ email: 'a@acme.com', title: 'Chief Revenue Officer', seniority: ' Director ' }).lead.seniority).toBe('director');
    expect(normalized({ email: 'a@acme.com', seniority: ' C-Level ' }).lead.seniority).toBe('c_level');
    expect(normalized({ email: 'a@acme.com', seniority: ' Partner Level 3 ' }).lead.seniority).toBe('Partner Level 3');
  });

  it('keeps the source as display text, not lowercased', () => {
    expect(normalized({ email: 'a@acme.com', source: '  LinkedIn Ads ' }).lead.source).toBe('LinkedIn Ads');
  });

  it('keeps an attribute named __proto__ as data', () => {
    const attributes = JSON.parse('{"__proto__": "x", "a": "b"}') as Record<string, string>;
    const { lead } = normalized({ email: 'a@acme.com', attributes });
    expect(Object.keys(lead.attributes)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(lead.attributes)).toBe(Object.prototype);
  });
});

describe('identityFacts', () => {
  it('gives the facts identity rules test', () => {
    const { lead } = normalized({ email: 'test@mailinator.com', firstName: 'asdf', lastName: 'Smith', phone: '0000000000' });
    expect(identityFacts(lead)).toEqual({
      email: { domain: 'mailinator.com', kind: 'disposable' },
      phone: { valid: false },
      name: { keyboard_mash: true, test: true },
    });
  });

  it('gives clean facts for a clean lead and null phone validity without a phone', () => {
    const { lead } = normalized({ email: 'jane@acme.com', firstName: 'Jane', lastName: 'Nguyen' });
    expect(identityFacts(lead)).toEqual({
      email: { domain: 'acme.com', kind: 'business' },
      phone: { valid: null },
      name: { keyboard_mash: false, test: false },
    });
  });

  it('flags a test mailbox even with a real name', () => {
    const { lead } = normalized({ email: 'test123@acme.com', firstName: 'Jane', lastName: 'Nguyen' });
    expect(identityFacts(lead).name).toEqual({ keyboard_mash: false, test: true });
  });
});

describe('normalizeLeadInput phone region', () => {
  it('reads a national number in the lead’s own country before the pact’s default region', () => {
    const result = normalizeLeadInput({ email: 'pat@example.co.uk', phone: '020 7946 0123', country: 'United Kingdom' }, { defaultPhoneRegion: 'US' });
    expect(result.ok && result.lead.phone).toBe('+442079460123');
    expect(result.ok && result.lead.phoneValid).toBe(true);
  });
});
