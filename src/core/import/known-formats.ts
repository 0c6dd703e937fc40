import { columnMappingSchema, type ColumnMapping, type ColumnMappingFile } from './column-mapping-schema.ts';
import { normalizeHeader } from './header-name.ts';
import { hubspotContactsFormat } from './hubspot-contacts-format.ts';
import { isLeadpactIdentityHeader, leadpactHeaders, leadpactMappingFor } from './leadpact-csv-format.ts';
import { salesforceLeadFormat } from './salesforce-lead-format.ts';

export type KnownFormat = 'leadpact' | 'salesforce' | 'hubspot' | 'unknown';

export interface DetectedFormat {
  format: KnownFormat;
  /** Share of the file's headers the format recognises, 0–1 (0 for unknown). */
  confidence: number;
  /** The format's mapping restricted to the columns this file has, ready for planColumns. */
  mapping: ColumnMapping;
}

/** At least this many of a CRM's own header names must be present before we call a file its export. */
const minimumCrmHeaders = 5;

export const salesforceLeadMapping: ColumnMapping = columnMappingSchema.parse(salesforceLeadFormat);
export const hubspotContactsMapping: ColumnMapping = columnMappingSchema.parse(hubspotContactsFormat);

const unknownMapping: ColumnMapping = columnMappingSchema.parse({ name: 'Unknown format' });

function headersOf(format: ColumnMappingFile): ReadonlySet<string> {
  const touch = format.touch ?? {};
  const names = [...Object.keys(format.columns ?? {}), ...(format.ignoreColumns ?? []), touch.typeFromColumn, touch.occurredAtColumn];
  return new Set(names.filter((name): name is string => typeof name === 'string').map(normalizeHeader));
}
const salesforceHeaders = headersOf(salesforceLeadFormat);
const hubspotHeaders = headersOf(hubspotContactsFormat);

/**
 * Recognises a file by its header row (trimmed, ignoring case and a BOM): leadpact's own columns
 * (an identity column — email, phone or external id — is required), a Salesforce Data Loader Lead
 * export (≥ 5 API names) or a HubSpot contacts export (≥ 5 UI labels). The format recognising
 * the most headers wins; ties go to leadpact, whose names are the generic ones. Unrecognised files
 * come back as `unknown` with an empty mapping (every column would land in attributes).
 */
export function detectFormat(headers: readonly string[]): DetectedFormat {
  const normalized = headers.map(normalizeHeader);
  const count = (known: ReadonlySet<string>) => normalized.filter((header) => known.has(header)).length;
  const candidates: { format: Exclude<KnownFormat, 'unknown'>; matched: number; eligible: boolean }[] = [
    { format: 'leadpact', matched: count(leadpactHeaders), eligible: headers.some(isLeadpactIdentityHeader) },
    { format: 'salesforce', matched: count(salesforceHeaders), eligible: count(salesforceHeaders) >= minimumCrmHeaders },
    { format: 'hubspot', matched: count(hubspotHeaders), eligible: count(hubspotHeaders) >= minimumCrmHeaders },
  ];
  let best: (typeof candidates)[number] | undefined;
  for (const candidate of candidates) {
    if (candidate.eligible && (best === undefined || candidate.matched > best.matched)) best = candidate;
  }
  if (best === undefined) return { format: 'unknown', confidence: 0, mapping: unknownMapping };
  const confidence = Math.round((best.matched / headers.length) * 100) / 100;
  const mapping =
    best.format === 'leadpact'
      ? columnMappingSchema.parse(leadpactMappingFor(headers))
      : restrictToHeaders(best.format === 'salesforce' ? salesforceLeadMapping : hubspotContactsMapping, new Set(normalized));
  return { format: best.format, confidence, mapping };
}

/** The mapping without entries for columns the file lacks, so planning it reports no missing columns. */
export function restrictToHeaders(mapping: ColumnMapping, present: ReadonlySet<string>): ColumnMapping {
  const has = (column: string) => present.has(normalizeHeader(column));
  const fallbacks = Object.entries(mapping.fallbacks)
    .map(([target, columns]) => [target, columns.filter(has)] as const)
    .filter(([, columns]) => columns.length >= 2);
  return {
    ...mapping,
    columns: Object.fromEntries(Object.entries(mapping.columns).filter(([column]) => has(column))),
    fallbacks: Object.fromEntries(fallbacks),
    ignoreColumns: mapping.ignoreColumns.filter(has),
    touch: {
      ...mapping.touch,
      typeFromColumn: mapping.touch.typeFromColumn !== null && has(mapping.touch.typeFromColumn) ? mapping.touch.typeFromColumn : null,
      occurredAtColumn: mapping.touch.occurredAtColumn !== null && has(mapping.touch.occurredAtColumn) ? mapping.touch.occurredAtColumn : null,
    },
  };
}
