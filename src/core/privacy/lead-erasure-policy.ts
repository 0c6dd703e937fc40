import type { LeadRow } from '../../db/database.ts';

/**
 * What erasure does with each column of a lead — every column is listed, so a column added to
 * `leads` does not compile until someone decides:
 *
 * - `erase`: the person's own data, set to null (`attributes` to `{}`): contact details, names,
 *   title and seniority (next to the account they single a person out), the company and website as
 *   typed (a sole trader's company is their name), city and state, the id in the source system and
 *   every key derived from them.
 * - `scrub`: text leadpact wrote that may quote the person (a junk reason, a routing reason):
 *   their data is replaced by `[erased]`, the rest kept.
 * - `keep`: what the funnel numbers are made of and says nothing about who the person was —
 *   stage and its times, scores, grade and their explanation (rule labels, not values), source,
 *   campaign, the account (an organisation), firmographics (industry, size, revenue), country,
 *   class, team, owner, routing times, dispositions, merges and the kind of e-mail.
 */
export const leadErasurePolicy = {
  id: 'keep',
  email: 'erase',
  email_key: 'erase',
  email_domain: 'erase',
  email_kind: 'keep',
  first_name: 'erase',
  last_name: 'erase',
  title: 'erase',
  seniority: 'erase',
  phone: 'erase',
  phone_valid: 'keep',
  company: 'erase',
  company_key: 'erase',
  website: 'erase',
  website_domain: 'erase',
  industry: 'keep',
  employees: 'keep',
  annual_revenue_minor: 'keep',
  country: 'keep',
  state: 'erase',
  city: 'erase',
  source: 'keep',
  campaign_id: 'keep',
  external_source: 'keep',
  external_id: 'erase',
  attributes: 'erase',
  name_key: 'erase',
  account_id: 'keep',
  stage: 'keep',
  stage_changed_at: 'keep',
  junk_code: 'keep',
  junk_reason: 'scrub',
  recycle_until: 'keep',
  disposition_code: 'keep',
  fit_score: 'keep',
  engagement_score: 'keep',
  score: 'keep',
  grade: 'keep',
  score_explanation: 'keep',
  scored_at: 'keep',
  mql_clause: 'keep',
  pact_version_id: 'keep',
  account_class: 'keep',
  team_id: 'keep',
  owner_id: 'keep',
  assigned_at: 'keep',
  routing: 'scrub',
  merged_into_id: 'keep',
  created_at: 'keep',
  updated_at: 'keep',
  erased_at: 'keep',
} as const satisfies Record<keyof LeadRow, 'erase' | 'scrub' | 'keep'>;

type LeadColumn = keyof typeof leadErasurePolicy;

export const erasedLeadColumns = columnsWith('erase');
export const scrubbedLeadColumns = columnsWith('scrub');
export const keptLeadColumns = columnsWith('keep');

/**
 * Keys whose values an audit entry of an erased record keeps (everything else becomes
 * `[erased]`): the lead's kept columns, the ids and field lists of a merge, and the non-personal
 * columns of consents and opportunities.
 */
export const keptAuditValueKeys: ReadonlySet<string> = new Set<string>([
  ...keptLeadColumns,
  'survivorId',
  'mergedId',
  'mergedLead',
  'filledFields',
  'fields',
  'lead_id',
  'status',
  'amount_minor',
  'currency',
  'expected_close_on',
  'opened_at',
  'closed_at',
  'basis',
  'marketing_email',
  'captured_at',
  'withdrawn_at',
  'erasure_reason',
]);

function columnsWith(treatment: 'erase' | 'scrub' | 'keep'): LeadColumn[] {
  return (Object.keys(leadErasurePolicy) as LeadColumn[]).filter((column) => leadErasurePolicy[column] === treatment);
}
