import type { PersonalFields } from '../../core/privacy/personal-data-patterns.ts';
import type { LeadRow } from '../../db/database.ts';

/** What a stored lead says about its person (the values to look for elsewhere). */
export function personalFieldsOfLead(lead: LeadRow): PersonalFields {
  return {
    email: lead.email,
    emailMatchKey: lead.email_key,
    firstName: lead.first_name,
    lastName: lead.last_name,
    title: lead.title,
    phone: lead.phone,
    city: lead.city,
    state: lead.state,
    externalId: lead.external_id,
  };
}

/** An address alone, as the person gave it in their request. */
export function personalFieldsOfAddress(address: { email: string; matchKey: string }): PersonalFields {
  return { email: address.email, emailMatchKey: address.matchKey, firstName: null, lastName: null, title: null, phone: null, city: null, state: null, externalId: null };
}
