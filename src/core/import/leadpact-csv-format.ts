import { touchTypes } from '../pact/pact-schema.ts';
import { leadFields, type ColumnMappingFile, type LeadField } from './column-mapping-schema.ts';
import { cleanHeader, normalizeHeader } from './header-name.ts';

/**
 * leadpact's own CSV columns: each LeadInput field in snake_case (first_name) or camelCase
 * (firstName), plus touch_type and touch_at. Money columns are in currency units, like every CSV a
 * person edits; the import converts them to minor units.
 */
const snakeCase = (field: string): string => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

const fieldByHeader: ReadonlyMap<string, LeadField> = new Map(
  leadFields.flatMap((field) => [
    [normalizeHeader(snakeCase(field)), field],
    [normalizeHeader(field), field],
  ]),
);
const touchTypeHeaders = new Set(['touch_type', 'touchtype']);
const touchAtHeaders = new Set(['touch_at', 'touchat']);

/** Every header (normalized) that leadpact's own format understands. */
export const leadpactHeaders: ReadonlySet<string> = new Set([...fieldByHeader.keys(), ...touchTypeHeaders, ...touchAtHeaders]);

/** True for headers that identify a lead on their own (email, phone, external id). */
export function isLeadpactIdentityHeader(header: string): boolean {
  const field = fieldByHeader.get(normalizeHeader(header));
  return field === 'email' || field === 'phone' || field === 'externalId';
}

/** The leadpact mapping for these headers, spelled as the file spells them; headers it does not know are left out. */
export function leadpactMappingFor(headers: readonly string[]): ColumnMappingFile {
  const columns: Record<string, LeadField> = {};
  let typeFromColumn: string | null = null;
  let occurredAtColumn: string | null = null;
  for (const header of headers) {
    const key = normalizeHeader(header);
    const field = fieldByHeader.get(key);
    if (field !== undefined && !Object.values(columns).includes(field)) columns[cleanHeader(header)] = field;
    if (touchTypeHeaders.has(key) && typeFromColumn === null) typeFromColumn = cleanHeader(header);
    if (touchAtHeaders.has(key) && occurredAtColumn === null) occurredAtColumn = cleanHeader(header);
  }
  return {
    name: 'leadpact CSV',
    columns,
    touch: {
      typeFromColumn,
      typeMap: Object.fromEntries(touchTypes.map((type) => [type, type])),
      defaultType: 'import',
      occurredAtColumn,
    },
  };
}
