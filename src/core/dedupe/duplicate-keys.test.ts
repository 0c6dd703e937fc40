import { describe, expect, it } from 'vitest';
import type { LeadInput } from '../lead/lead-input.ts';
import { normalizeLeadInput } from '../normalize/normalize-lead.ts';
import type { NormalizedLead } from '../normalize/normalize-lead.ts';
import { exactIdentityKeys, likelyDuplicateKeys } from './duplicate-keys.ts';

function lead(input: LeadInput): NormalizedLead {
  const result = normalizeLeadInput(input, { defaultPhoneRegion: 'US' });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.lead;
}

describe('likelyDuplicateKeys', () => {
  it('keys a person by folded name at the company domain and by valid phone', () => {
    expect(likelyDuplicateKeys(lead({ email: 'jose@acme.com', firstName: 'José-Luis', lastName: "O'Brien", phone: '(415) 555-2671' }))).toEqual([
      { kind: 'name_at_company', key: 'joseluis.obrien@acme.com' },
      { kind: 'phone', key: '+14155552671' },
    ]);
  });

  it('matches the same person written differently, from another mailbox at the same company', () => {
    const first = likelyDuplicateKeys(lead({ email: 'jl@acme.co.uk', firstName: 'Jose Luis', lastName: 'OBrien' }));
    const second = likelyDuplicateKeys(lead({ email: 'jose.obrien@mail.acme.co.uk', firstName: ' JOSÉ  LUIS ', lastName: "O'Brien" }));
    expect(first).toEqual(second);
  });

  it('uses the website domain when the e-mail is free or disposable mail', () => {
    expect(likelyDuplicateKeys(lead({ email: 'jane@gmail.com', firstName: 'Jane', lastName: 'Doe', website: 'https://eu.acme.com' }))).toEqual([
      { kind: 'name_at_company', key: 'jane.doe@acme.com' },
    ]);
    expect(likelyDuplicateKeys(lead({ email: 'jane@mailinator.com', firstName: 'Jane', lastName: 'Doe', website: 'acme.io' }))).toEqual([
      { kind: 'name_at_company', key: 'jane.doe@acme.io' },
    ]);
  });

  it('uses the website domain when there is no e-mail', () => {
    expect(likelyDuplicateKeys(lead({ phone: '+44 20 7946 0958', firstName: 'Jane', lastName: 'Doe', website: 'acme.com' }))).toEqual([
      { kind: 'name_at_company', key: 'jane.doe@acme.com' },
      { kind: 'phone', key: '+442079460958' },
    ]);
  });

  it('gives no name key without a company domain or without both names', () => {
    expect(likelyDuplicateKeys(lead({ email: 'jane@gmail.com', firstName: 'Jane', lastName: 'Doe' }))).toEqual([]);
    expect(likelyDuplicateKeys(lead({ email: 'jane@acme.com', firstName: 'Jane' }))).toEqual([]);
    expect(likelyDuplicateKeys(lead({ email: 'jane@acme.com', firstName: 'Jane', lastName: '---' }))).toEqual([]);
  });

  it('gives no phone key for an invalid phone', () => {
    expect(likelyDuplicateKeys(lead({ email: 'jane@gmail.com', phone: '1234567890' }))).toEqual([]);
  });

  it('keeps names in non-Latin scripts', () => {
    expect(likelyDuplicateKeys(lead({ email: 'ivan@acme.ru', firstName: 'Иван', lastName: 'Петров' }))).toEqual([{ kind: 'name_at_company', key: 'иван.петров@acme.ru' }]);
  });
});

describe('exactIdentityKeys', () => {
  it('gives the e-mail match key and the external system id', () => {
    expect(exactIdentityKeys(lead({ email: 'Jane.Doe+x@googlemail.com', externalSource: 'HubSpot', externalId: 'AbC-1' }))).toEqual({
      emailMatchKey: 'janedoe@gmail.com',
      external: 'hubspot:AbC-1',
    });
  });

  it('gives nulls for what is missing', () => {
    expect(exactIdentityKeys(lead({ phone: '(415) 555-2671' }))).toEqual({ emailMatchKey: null, external: null });
  });
});
