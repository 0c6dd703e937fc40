import type { Lead } from './lead-detail.ts';
import type { LeadChanges } from './lead-mutations.ts';

/** The contact fields a person may correct on a lead (the e-mail is the lead's identity: not here). */
export const contactFields = [
  ['firstName', 'First name'],
  ['lastName', 'Last name'],
  ['title', 'Job title'],
  ['phone', 'Phone'],
  ['company', 'Company'],
  ['website', 'Website'],
  ['industry', 'Industry'],
  ['employees', 'Employees'],
  ['country', 'Country'],
  ['state', 'State or region'],
  ['city', 'City'],
] as const;

export type ContactField = (typeof contactFields)[number][0];
export type ContactFormValues = Record<ContactField, string>;

/** The form as it opens: the lead's values as text, blanks for what is not known. */
export function contactFormValuesOf(lead: Pick<Lead, ContactField>): ContactFormValues {
  const values = {} as ContactFormValues;
  for (const [field] of contactFields) {
    const value = lead[field];
    values[field] = value === null || value === undefined ? '' : String(value);
  }
  return values;
}

/**
 * What to send: only the fields that changed, text trimmed and an emptied field as null (the API
 * clears it). Employees must be a whole number; otherwise it is said at the field and nothing is sent.
 */
export function contactChangesOf(initial: ContactFormValues, values: ContactFormValues): { changes: LeadChanges; errors: Partial<Record<ContactField, string>> } {
  const changes: Record<string, string | number | null> = {};
  const errors: Partial<Record<ContactField, string>> = {};
  for (const [field] of contactFields) {
    const text = values[field].trim();
    if (text === initial[field].trim()) continue;
    if (field === 'employees') {
      if (text === '') changes[field] = null;
      else if (/^\d+$/.test(text.replace(/[,\s]/g, ''))) changes[field] = Number(text.replace(/[,\s]/g, ''));
      else errors[field] = 'Give a whole number of people, such as 250.';
      continue;
    }
    changes[field] = text === '' ? null : text;
  }
  return { changes: changes as LeadChanges, errors };
}
