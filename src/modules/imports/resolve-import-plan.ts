import type { ColumnMapping } from '../../core/import/column-mapping-schema.ts';
import { detectFormat } from '../../core/import/known-formats.ts';
import { planColumns, type ColumnPlan } from '../../core/import/plan-columns.ts';
import type { FieldIssue } from '../../errors/app-error.ts';

export interface ImportPlan {
  /** leadpact, salesforce, hubspot, unknown, or custom when a mapping was given. */
  format: string;
  /** Share of the headers the format or mapping places somewhere other than a default attribute, 0–1. */
  confidence: number;
  mapping: ColumnMapping;
  plan: ColumnPlan;
  /** Mapping problems rows can live with (a mapped column missing from the file). */
  warnings: FieldIssue[];
  /** Problems that make every row fail: nothing may be written while there is one. */
  blocking: FieldIssue[];
}

const identityFields = new Set(['email', 'phone', 'externalId']);

/**
 * Resolves a file's header row against the given mapping, or the format detected from the
 * headers. Never throws: the caller decides what to do with `blocking`.
 */
export function resolveImportPlan(headers: readonly string[], mapping?: ColumnMapping): ImportPlan {
  if (headers.length === 0 || headers.every((header) => header.trim() === '')) {
    const detected = detectFormat([]);
    const { plan } = planColumns([], detected.mapping);
    return { format: 'unknown', confidence: 0, mapping: detected.mapping, plan, warnings: [], blocking: [{ path: 'file', message: 'the file is empty; expected a header row' }] };
  }
  const detected = mapping === undefined ? detectFormat(headers) : undefined;
  const chosen = mapping ?? detected!.mapping;
  const { plan, issues } = planColumns(headers, chosen);
  const confidence = detected?.confidence ?? Math.round(((headers.length - plan.unmappedColumns.length) / headers.length) * 100) / 100;
  const format = detected?.format ?? 'custom';
  return { format, confidence, mapping: chosen, plan, warnings: issues, blocking: blockingIssues(plan, format, headers) };
}

function blockingIssues(plan: ColumnPlan, format: string, headers: readonly string[]): FieldIssue[] {
  const identitySlots = plan.slots.filter((slot) => slot.field !== undefined && identityFields.has(slot.field) && slot.columnIndexes.length > 0);
  if (identitySlots.length === 0) {
    const shown = headers.slice(0, 12).map((header) => `"${header.trim()}"`).join(', ') + (headers.length > 12 ? ', …' : '');
    if (format === 'unknown') {
      return [
        {
          path: 'mapping',
          message: `the header row (${shown}) is not a leadpact, Salesforce or HubSpot export and no mapping was given; give a mapping that maps a column to email, phone or externalId`,
        },
      ];
    }
    return [{ path: 'columns', message: `no column of the file maps to email, phone or externalId, so no row could be identified; the file's columns are ${shown}` }];
  }
  const onlyExternalId = identitySlots.every((slot) => slot.field === 'externalId');
  const hasExternalSource = plan.slots.some((slot) => slot.field === 'externalSource' && (slot.columnIndexes.length > 0 || slot.defaultValue !== undefined));
  if (onlyExternalId && !hasExternalSource) {
    const column = plan.headers[identitySlots[0]?.columnIndexes[0] ?? 0] ?? 'externalId';
    return [{ path: 'externalSource', message: `"${column}" is an external id but nothing says which system it comes from; set externalSource in the mapping or map a column to it` }];
  }
  return [];
}

