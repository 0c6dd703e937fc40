import { describe, expect, it } from 'vitest';
import { normalizeLeadInput, type NormalizedLead } from '../normalize/normalize-lead.ts';
import { applyContactChanges } from './apply-contact-changes.ts';

const options = { defaultPhoneRegion: 'US' };
function lead(input: Parameters<typeof normalizeLeadInput>[0]): NormalizedLead {
  const result = normalizeLeadInput(input, options);
  if (!result.ok) throw new Error('bad fixture');
  return result.lead;
}

describe('applyContactChanges', () => {
  const dana = lead({ email: 'dana@acme-robotics.com', firstName: 'Dana', lastName: 'Reyes', title: 'Marketing Manager', company: 'Acme Robotics Inc.', country: 'US' });

  it('normalizes like capture: spacing, phone in the lead’s country, country code, website domain, company key, seniority from the title', () => {
    const result = applyContactChanges(dana, { firstName: '  Dana  Marie ', title: 'VP  Sales', website: 'https://www.acme-robotics.com/about', company: 'Acme Robotics GmbH', country: 'Germany' }, options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.lead).toMatchObject({ firstName: 'Dana Marie', title: 'VP Sales', seniority: 'vp', country: 'DE', websiteDomain: 'acme-robotics.com', companyMatchKey: dana.companyMatchKey });
    // A number without a country code is read in the lead's country, as the change leaves it.
    const london = applyContactChanges(dana, { country: 'United Kingdom', phone: '020 7946 0958' }, options);
    expect(london.ok && london.lead).toMatchObject({ country: 'GB', phone: '+442079460958', phoneValid: true });
    const american = applyContactChanges(dana, { phone: '(415) 555-2671' }, options);
    expect(american.ok && american.lead).toMatchObject({ phone: '+14155552671', phoneValid: true });
    const impossible = applyContactChanges(dana, { phone: '12345' }, options);
    expect(impossible.ok && impossible.lead).toMatchObject({ phone: '12345', phoneValid: false });
  });

  it('clears a field with null, keeps the fields not given, and never leaves a lead without a way to reach them', () => {
    const cleared = applyContactChanges(dana, { title: null, city: '' }, options);
    expect(cleared.ok && cleared.lead).toMatchObject({ title: null, seniority: null, city: null, email: 'dana@acme-robotics.com', lastName: 'Reyes' });
    const phoneOnly = lead({ phone: '+1 415 555 2671' });
    expect(applyContactChanges(phoneOnly, { phone: null }, options)).toMatchObject({ ok: false, issues: [{ path: 'phone' }] });
  });

  it('refuses a country or website it cannot understand, naming the field', () => {
    const result = applyContactChanges(dana, { country: 'Atlantis', website: 'not a site' }, options);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.issues.map((issue) => issue.path)).toEqual(['country', 'website']);
  });
});
