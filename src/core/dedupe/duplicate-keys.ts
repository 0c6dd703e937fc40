import { registrableDomain } from '../normalize/normalize-domain.ts';
import { foldAccents } from '../normalize/fold-text.ts';
import type { NormalizedLead } from '../normalize/normalize-lead.ts';

export interface DuplicateKey {
  kind: 'name_at_company' | 'phone';
  key: string;
}

export interface ExactIdentityKeys {
  /** The e-mail match key (tags and Gmail dots removed); null without an e-mail. */
  emailMatchKey: string | null;
  /** `<system, lowercased>:<id>` when the lead came with an external id. */
  external: string | null;
}

/**
 * Keys under which two leads are probably the same person, for review rather than automatic
 * merging: `name_at_company` is the folded first and last name at the company's registrable
 * domain (the e-mail's unless it is free or disposable mail, else the website's; no key without
 * both names and a domain); `phone` is the E.164 number when it is valid.
 */
export function likelyDuplicateKeys(lead: NormalizedLead): DuplicateKey[] {
  const keys: DuplicateKey[] = [];
  const first = foldedName(lead.firstName);
  const last = foldedName(lead.lastName);
  const domain = companyDomain(lead);
  if (first !== '' && last !== '' && domain !== null) {
    keys.push({ kind: 'name_at_company', key: `${first}.${last}@${domain}` });
  }
  if (lead.phoneValid === true && lead.phone !== null) {
    keys.push({ kind: 'phone', key: lead.phone });
  }
  return keys;
}

/** Keys under which two leads are certainly the same person. */
export function exactIdentityKeys(lead: NormalizedLead): ExactIdentityKeys {
  return {
    emailMatchKey: lead.emailMatchKey,
    external: lead.externalSource && lead.externalId ? `${lead.externalSource.toLowerCase()}:${lead.externalId}` : null,
  };
}

/** "José-Luis" → "joseluis", "O'Brien" → "obrien"; letters of any script are kept. */
function foldedName(name: string | null): string {
  return name === null ? '' : foldAccents(name).toLowerCase().replace(/\P{L}+/gu, '');
}

function companyDomain(lead: NormalizedLead): string | null {
  const personalMail = lead.emailKind === 'free' || lead.emailKind === 'disposable';
  const domain = !personalMail && lead.emailDomain !== null ? lead.emailDomain : lead.websiteDomain;
  return domain === null ? null : registrableDomain(domain);
}
