import type { Db, LeadRow } from '../../db/database.ts';
import { findLeadsByEmailKey, findMergeRelatives } from './person-leads.repository.ts';

const maxMergeDepth = 20;

/**
 * The leads of one person: those with the e-mail match key, plus every lead joined to them by
 * merges, in both directions (what was merged into them, what they were merged into, and so on):
 * a merge is a person's judgement that two leads are one human. Leads that only look alike (an
 * open duplicate candidate, a shared phone) are not included: they may be someone else.
 * Oldest first. `lock` row-locks them for the rest of the transaction.
 */
export async function findPersonLeads(db: Db, emailMatchKey: string, options: { lock: boolean }): Promise<LeadRow[]> {
  const found = new Map((await findLeadsByEmailKey(db, emailMatchKey, options.lock)).map((lead) => [lead.id, lead]));
  let frontier = [...found.keys()];
  for (let depth = 0; frontier.length > 0 && depth < maxMergeDepth; depth += 1) {
    const relatives = (await findMergeRelatives(db, frontier, options.lock)).filter((lead) => !found.has(lead.id));
    for (const lead of relatives) found.set(lead.id, lead);
    frontier = relatives.map((lead) => lead.id);
  }
  return [...found.values()].sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id));
}
