import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoCompetitorDomains, demoDisposableMailDomains, emailIdentity } from './demo-mail-domains.ts';
import { competitorLeadFields, junkLeadFields, resubmissionVariantsFor, resubmittedEmail } from './plant-demo-dirt.ts';
import { SeededRandom } from './seeded-random.ts';

const localPart = fc.stringMatching(/^[a-z]{2,8}(\.[a-z]{2,8})?\d{0,2}$/);

describe('planted dirt', () => {
  it('re-submits an address written differently but with the same identity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), localPart, fc.constantFrom('gmail.com', 'acme-example.com', 'yahoo.co.uk'), (seed, local, domain) => {
        const random = new SeededRandom(seed);
        const email = `${local}@${domain}`;
        for (const variant of resubmissionVariantsFor(email)) {
          const typed = resubmittedEmail(random, email, variant);
          expect(typed).not.toBe(email);
          expect(emailIdentity(typed)).toBe(emailIdentity(email));
        }
      }),
    );
  });

  it('uses Gmail dots and +tags only on Gmail', () => {
    expect(resubmissionVariantsFor('jane.doe@gmail.com')).toContain('plus_tag');
    expect(resubmissionVariantsFor('jane.doe@acme-example.com')).toEqual(['case', 'spacing']);
    expect(emailIdentity('J.ane.Doe+news@Gmail.com ')).toBe('janedoe@gmail.com');
    expect(emailIdentity('jane.doe+news@acme-example.com')).toBe('jane.doe+news@acme-example.com');
  });

  it('makes junk look like junk', () => {
    const random = new SeededRandom(2);
    const disposable = junkLeadFields(random, 'disposable_mail');
    expect(demoDisposableMailDomains).toContain(disposable.email?.split('@')[1]);
    const mash = junkLeadFields(random, 'keyboard_mash');
    expect(mash.firstName).toMatch(/^(asdf|qwerty|sdfsdf|jkl|aaa|xxxx|hjkl|zxcv|Asdf)$/);
    const test = junkLeadFields(random, 'test_name');
    expect(`${test.firstName} ${test.lastName}`.toLowerCase()).toContain('test');
  });

  it('sends competitors from the exported competitor domains', () => {
    const random = new SeededRandom(4);
    for (let index = 0; index < 20; index += 1) expect(demoCompetitorDomains).toContain(competitorLeadFields(random).email?.split('@')[1]);
  });
});
