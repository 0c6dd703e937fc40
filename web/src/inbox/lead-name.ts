import type { LeadSummary } from './inbox-order.ts';

/** What a person is called in lists: their name, else their e-mail, else a plain "Unnamed lead". */
export function leadDisplayName(lead: Pick<LeadSummary, 'firstName' | 'lastName' | 'email'>): string {
  const name = [lead.firstName, lead.lastName].filter((part) => part && part.trim() !== '').join(' ');
  return name || lead.email || 'Unnamed lead';
}
