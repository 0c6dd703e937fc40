import type { FieldIssue } from '../../errors/app-error.ts';
import type { NormalizedLead } from '../normalize/normalize-lead.ts';

export interface PreparedItem {
  /** Position of the item in the batch. */
  index: number;
  lead: NormalizedLead;
  warnings: FieldIssue[];
  /** Junk decided before the pact looks (a web form's honeypot was filled in). */
  forcedJunk?: { code: string; reason: string };
}

/** Items of one batch that are the same person: the first creates or finds the lead, the rest merge into it. */
export interface CaptureGroup {
  emailKey: string | null;
  externalKey: { source: string; id: string } | null;
  items: PreparedItem[];
}

/**
 * Groups a batch by person: items sharing an e-mail match key or an external id are one person.
 * Items with neither (a phone-only lead) are each their own group. Order is kept: groups appear in
 * the order of their first item, items in batch order.
 */
export function groupCaptureItems(items: readonly PreparedItem[]): CaptureGroup[] {
  const groups: CaptureGroup[] = [];
  const byKey = new Map<string, CaptureGroup>();
  for (const item of items) {
    const emailKey = item.lead.emailMatchKey ? `e:${item.lead.emailMatchKey}` : null;
    const externalKey = item.lead.externalSource && item.lead.externalId ? `x:${item.lead.externalSource.toLowerCase()}:${item.lead.externalId}` : null;
    const group = (emailKey ? byKey.get(emailKey) : undefined) ?? (externalKey ? byKey.get(externalKey) : undefined);
    if (group) {
      group.items.push(item);
      if (emailKey && !group.emailKey) group.emailKey = item.lead.emailMatchKey;
      if (externalKey && !group.externalKey) group.externalKey = { source: item.lead.externalSource!.toLowerCase(), id: item.lead.externalId! };
    } else {
      const created: CaptureGroup = {
        emailKey: item.lead.emailMatchKey,
        externalKey: externalKey ? { source: item.lead.externalSource!.toLowerCase(), id: item.lead.externalId! } : null,
        items: [item],
      };
      groups.push(created);
      if (emailKey) byKey.set(emailKey, created);
      if (externalKey) byKey.set(externalKey, created);
      continue;
    }
    if (emailKey) byKey.set(emailKey, group);
    if (externalKey) byKey.set(externalKey, group);
  }
  return groups;
}
