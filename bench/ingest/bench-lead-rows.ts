import { stringify } from 'csv-stringify/sync';
import type { DemoCampaign } from '../../src/core/demo/demo-organisation.ts';
import { generateDemoOrganisation } from '../../src/core/demo/generate-demo-organisation.ts';
import type { LeadInput } from '../../src/core/lead/lead-input.ts';

/** leadpact's own CSV columns (see src/core/import/leadpact-csv-format.ts); utm_* and list_vendor become attributes. */
export const benchLeadColumns = [
  'email', 'first_name', 'last_name', 'title', 'seniority', 'phone', 'company', 'website', 'industry', 'employees', 'annual_revenue',
  'country', 'state', 'city', 'source', 'campaign', 'touch_type', 'touch_at', 'utm_source', 'utm_medium', 'utm_campaign', 'list_vendor',
] as const;

type Column = (typeof benchLeadColumns)[number];

const textFields: readonly (readonly [Column, keyof LeadInput])[] = [
  ['email', 'email'], ['first_name', 'firstName'], ['last_name', 'lastName'], ['title', 'title'], ['seniority', 'seniority'], ['phone', 'phone'],
  ['company', 'company'], ['website', 'website'], ['industry', 'industry'], ['country', 'country'], ['state', 'state'], ['city', 'city'],
  ['source', 'source'], ['campaign', 'campaign'],
];
const attributeColumns: readonly Column[] = ['utm_source', 'utm_medium', 'utm_campaign', 'list_vendor'];

/** One person, as a CSV row and as the POST /api/leads body that carries the same values. */
export interface BenchLead {
  cells: string[];
  body: LeadInput;
}

export interface BenchLeads {
  campaigns: DemoCampaign[];
  /** Distinct people (no two share an e-mail), in capture order. */
  leads: BenchLead[];
}

/**
 * Realistic B2B leads from the demo generator (names, business and free-mail addresses, titles,
 * phones as people type them, countries, companies, campaigns, touch types, a year of capture
 * times, planted junk), minus its deliberate re-submissions, so every row is a different person.
 * Deterministic for a seed and `now`.
 */
export function benchLeads(options: { seed: number; now: Date; count: number }): BenchLeads {
  const organisation = generateDemoOrganisation({ seed: options.seed, now: options.now, leadCount: Math.ceil(options.count * 1.1) + 100 });
  const seen = new Set<string>();
  const leads: BenchLead[] = [];
  for (const lead of organisation.leads) {
    if (leads.length === options.count) break;
    if (lead.plantedDirt?.kind === 'resubmission') continue;
    const identity = lead.input.email?.trim().toLowerCase();
    if (!identity || seen.has(identity)) continue;
    seen.add(identity);
    const cells = cellsOf(lead.input);
    leads.push({ cells, body: bodyOf(cells) });
  }
  if (leads.length < options.count) throw new Error(`the demo generator gave ${leads.length} distinct people, ${options.count} asked`);
  return { campaigns: organisation.campaigns, leads };
}

/** The CSV text of the leads, header first. */
export function benchLeadCsv(leads: readonly BenchLead[]): string {
  return stringify([[...benchLeadColumns], ...leads.map((lead) => lead.cells)]);
}

function cellsOf(input: LeadInput): string[] {
  const cell: Partial<Record<Column, string>> = {};
  for (const [column, field] of textFields) {
    const value = input[field];
    if (typeof value === 'string') cell[column] = value;
  }
  if (input.employees !== undefined) cell.employees = String(input.employees);
  // CSV money is in currency units; the import converts it back to minor units.
  if (input.annualRevenue !== undefined) cell.annual_revenue = (input.annualRevenue / 100).toFixed(2);
  if (input.touch) {
    cell.touch_type = input.touch.type;
    if (input.touch.occurredAt) cell.touch_at = input.touch.occurredAt;
  }
  for (const column of attributeColumns) {
    const value = input.attributes?.[column];
    if (value !== undefined && value !== null) cell[column] = String(value);
  }
  return benchLeadColumns.map((column) => cell[column] ?? '');
}

/** What the import hands the capture pipeline for these cells (trimmed, typed), as an API body. */
function bodyOf(cells: readonly string[]): LeadInput {
  const value = (column: Column) => cells[benchLeadColumns.indexOf(column)]?.trim() || undefined;
  const body: Record<string, unknown> = {};
  for (const [column, field] of textFields) {
    const text = value(column);
    if (text !== undefined) body[field] = text;
  }
  const employees = value('employees');
  if (employees !== undefined) body['employees'] = Number(employees);
  const revenue = value('annual_revenue');
  if (revenue !== undefined) body['annualRevenue'] = Math.round(Number(revenue) * 100);
  const touchType = value('touch_type');
  const touchAt = value('touch_at');
  if (touchType !== undefined) body['touch'] = { type: touchType, ...(touchAt ? { occurredAt: touchAt } : {}) };
  const attributes = Object.fromEntries(attributeColumns.flatMap((column) => (value(column) === undefined ? [] : [[column, value(column)]])));
  if (Object.keys(attributes).length > 0) body['attributes'] = attributes;
  return body as LeadInput;
}
