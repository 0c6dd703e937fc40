import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '../normalize/normalize-email.ts';
import { emailPattern, personalDataPatterns, phonePattern, type PersonalFields } from './personal-data-patterns.ts';
import { createRedactor, erasedMarker, keepOnlyListedValues } from './redact-personal-data.ts';

const dana: PersonalFields = {
  email: 'dana.reyes+promo@gmail.com',
  emailMatchKey: 'danareyes@gmail.com',
  firstName: 'Dana',
  lastName: 'Reyes',
  title: 'VP Sales',
  phone: '+14155550123',
  city: 'Oakland',
  state: 'CA',
  externalId: '00Q5e00000AbCdEfGh',
};

const patterns = personalDataPatterns([dana]);
const identifiers = createRedactor(patterns.identifiers);
const identifiersAndNames = createRedactor([...patterns.identifiers, ...patterns.names]);
const everything = createRedactor([...patterns.identifiers, ...patterns.names, ...patterns.details]);

describe('personal data patterns', () => {
  it('find the e-mail in every spelling leadpact treats as the same person', () => {
    for (const spelling of ['danareyes@gmail.com', 'Dana.Reyes@GMAIL.com', 'd.a.n.a.reyes+newsletter@googlemail.com', 'DANA.REYES%40gmail.com']) {
      expect(identifiers.redactText(`write to <${spelling}> today`)).toBe(`write to <${erasedMarker}> today`);
    }
    expect(identifiers.mentions('dana.reyes@gmail.co')).toBe(false);
    expect(identifiers.mentions('danareyes@hotmail.com')).toBe(false);
  });

  it('find a business address with a tag but not a different mailbox at the same domain', () => {
    const redactor = createRedactor([emailPattern('dana@acme-robotics.com')!]);
    expect(redactor.redactText('Dana+Events@Acme-Robotics.com')).toBe(erasedMarker);
    expect(redactor.mentions('danielle@acme-robotics.com')).toBe(false);
  });

  it('find the phone however it is formatted, with or without the country code', () => {
    for (const written of ['+14155550123', '(415) 555-0123', '+1 415 555 0123', '415.555.0123', '1-415-555-0123', '4155550123']) {
      expect(identifiers.redactText(`call ${written} now`), written).not.toMatch(/555/u);
    }
    expect(identifiers.mentions('+1 415 555 0124')).toBe(false);
    expect(phonePattern('+1 555')).toBeNull();
  });

  it('finds a phone kept as typed (invalid) by its digits', () => {
    const redactor = createRedactor([phonePattern('0049 30 9018 2000')!]);
    expect(redactor.redactText('tel 004930-9018-2000')).toBe(`tel ${erasedMarker}`);
  });

  it('match names as whole words only, case-insensitively, full name before last name', () => {
    expect(identifiersAndNames.redactText('Merged lead of DANA REYES (Reyes family)')).toBe(`Merged lead of ${erasedMarker} (${erasedMarker} family)`);
    expect(identifiersAndNames.redactText('Reyesville office')).toBe('Reyesville office');
    expect(identifiersAndNames.redactText('Dana called')).toBe('Dana called');
    expect(everything.redactText('Dana called from Oakland, CA')).toBe(`${erasedMarker} called from ${erasedMarker}, ${erasedMarker}`);
  });

  it('treat a long external id as an identifier and skip values too short to be specific', () => {
    expect(identifiers.redactText('sf id 00Q5e00000AbCdEfGh')).toBe(`sf id ${erasedMarker}`);
    const short = personalDataPatterns([{ ...dana, lastName: 'X', firstName: 'Y', externalId: '4242', title: null, city: null, state: null }]);
    // A one-letter last name is not looked for alone, only as part of the full name.
    expect(short.names).toEqual(['(?<![\\p{L}\\p{N}])Y\\s+X(?![\\p{L}\\p{N}])']);
    expect(short.details.some((source) => source.includes('4242'))).toBe(true);
    expect(short.identifiers.some((source) => source.includes('4242'))).toBe(false);
  });

  it('escape what the person typed, so their data never acts as a pattern', () => {
    const odd = personalDataPatterns([{ ...dana, lastName: "O'Brien (Jr.)", firstName: 'A.*', email: 'a.b$c@x.io', emailMatchKey: 'a.b$c@x.io' }]);
    const redactor = createRedactor([...odd.identifiers, ...odd.names, ...odd.details]);
    expect(redactor.redactText("O'Brien (Jr.) wrote from a.b$c@x.io")).toBe(`${erasedMarker} wrote from ${erasedMarker}`);
    expect(redactor.mentions('Axxxx')).toBe(false);
  });

  it('never leave an address it was given in any text around it (property)', () => {
    const local = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,15}[a-z0-9]$/u).filter((text) => !text.includes('..'));
    const domain = fc.constantFrom('gmail.com', 'googlemail.com', 'acme-robotics.com', 'example.co.uk');
    const surrounding = fc.string({ maxLength: 20 });
    fc.assert(
      fc.property(local, domain, surrounding, surrounding, fc.boolean(), fc.option(fc.stringMatching(/^[a-z0-9]{1,6}$/u)), (name, host, before, after, upper, tag) => {
        const address = `${name}${tag ? `+${tag}` : ''}@${host}`;
        const checked = normalizeEmail(address);
        fc.pre(checked.ok);
        if (!checked.ok) return;
        const redactor = createRedactor(personalDataPatterns([{ ...dana, email: checked.email, emailMatchKey: checked.matchKey }]).identifiers);
        const written = upper ? address.toUpperCase() : address;
        const redacted = redactor.redactText(`${before}${written}${after}`);
        expect(redacted.toLowerCase()).not.toContain(address.toLowerCase());
        expect(redacted.toLowerCase()).not.toContain(checked.matchKey);
      }),
    );
  });
});

describe('redacting JSON', () => {
  it('rewrites strings, keys and phone-like numbers at any depth without touching the input', () => {
    const value = { reason: 'same phone +14155550123', nested: [{ 'danareyes@gmail.com': 4155550123, count: 3 }], ok: true, none: null };
    const copy = structuredClone(value);
    expect(everything.redactJson(value)).toEqual({ reason: `same phone ${erasedMarker}`, nested: [{ [erasedMarker]: erasedMarker, count: 3 }], ok: true, none: null });
    expect(value).toEqual(copy);
  });

  it('keeps only listed keys of an audit entry of an erased record (default-deny)', () => {
    const kept = keepOnlyListedValues({ stage: 'mql', score: 71, first_name: 'Dana', attributes: { note: 'x' }, owner_id: null, routing_reason: 'Dana Reyes owns it' }, new Set(['stage', 'score', 'routing_reason']), everything);
    expect(kept).toEqual({ stage: 'mql', score: 71, first_name: erasedMarker, attributes: erasedMarker, owner_id: null, routing_reason: `${erasedMarker} owns it` });
  });

  it('changes nothing without patterns', () => {
    const none = createRedactor([]);
    expect(none.redactText('Dana Reyes')).toBe('Dana Reyes');
    expect(none.mentions('anything')).toBe(false);
  });
});
