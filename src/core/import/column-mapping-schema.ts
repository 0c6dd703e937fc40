import { z } from 'zod';
import type { FieldIssue } from '../../errors/app-error.ts';
import { fieldIssuesFromZod } from '../../errors/zod-issues.ts';
import { touchTypeSchema } from '../pact/pact-schema.ts';
import { maxAttributeNameLength } from './attribute-limits.ts';
import { normalizeHeader } from './header-name.ts';
import { leadScalarFields } from '../lead/lead-input.ts';

/**
 * A mapping file tells leadpact how to read a foreign CSV: which column feeds which LeadInput field,
 * which values mean "not answered", which columns are read but deliberately not stored, and how the
 * row's touch is derived. Every column of the file ends somewhere visible: a field, an attribute
 * (unmapped columns land in `attributes.<header>`), the touch, or the explicit ignore list.
 */

/** The scalar LeadInput fields a column may feed (touch and attributes have their own syntax). */
export const leadFields = leadScalarFields;
export type LeadField = (typeof leadFields)[number];

/** A lead field, or `attributes.<name>` for a value kept verbatim under that attribute name. */
export type MappingTarget = LeadField | `attributes.${string}`;

const attributePrefix = 'attributes.';
const leadFieldSet: ReadonlySet<string> = new Set(leadFields);

export function isLeadField(target: string): target is LeadField {
  return leadFieldSet.has(target);
}

/** The attribute name of an `attributes.<name>` target, or undefined for a lead field. */
export function attributeNameOf(target: string): string | undefined {
  return target.startsWith(attributePrefix) ? target.slice(attributePrefix.length) : undefined;
}

export function isMappingTarget(target: string): target is MappingTarget {
  if (isLeadField(target)) return true;
  const name = attributeNameOf(target);
  return name !== undefined && name.trim() !== '' && name.length <= maxAttributeNameLength;
}

const expectedTargets = `${leadFields.join(', ')} or attributes.<name>`;
const targetSchema = z
  .string()
  .refine(isMappingTarget, { error: (issue) => `unknown target "${String(issue.input)}"; expected one of ${expectedTargets}` });

const columnName = z.string().trim().min(1, 'a column name cannot be empty').max(500);
// Record keys are kept as written so issue paths quote them exactly; matching trims them anyway.
const columnKey = z.string().min(1, 'a column name cannot be empty').max(500);

const touchMappingSchema = z
  .object({
    /** Column whose value names the activity; looked up in typeMap (ignoring case). */
    typeFromColumn: columnName.nullable().default(null),
    /** Source value → touch type. */
    typeMap: z.record(z.string(), touchTypeSchema).default({}),
    /** Type used when the column is absent, empty or holds a value typeMap does not know. */
    defaultType: touchTypeSchema.default('import'),
    /** Column holding when the touch happened (ISO 8601 with Z or an offset). */
    occurredAtColumn: columnName.nullable().default(null),
  })
  .strict();

export const columnMappingSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    /** Free text for people reading the file: why columns are mapped, kept or ignored. */
    description: z.string().max(4000).optional(),
    /** The system the rows come from; becomes each lead's externalSource unless a column provides one. */
    externalSource: z.string().trim().min(1).max(50).optional(),
    /** CSV header → target. Headers match ignoring case and surrounding space. */
    columns: z.record(columnKey, targetSchema).default({}),
    /**
     * Target → columns in order of preference, for a target fed by several columns (Phone, then
     * MobilePhone). The first non-empty one wins; the others' values are kept in attributes.
     */
    fallbacks: z.record(z.string(), z.array(columnName).min(2, 'list at least two columns')).default({}),
    /** Cell values (after trimming, ignoring case) meaning "no value". An empty cell always means no value. */
    nullValues: z.array(z.string().max(100)).default(['']),
    /** Columns read but deliberately not stored. */
    ignoreColumns: z.array(columnName).default([]),
    touch: touchMappingSchema.default({ typeFromColumn: null, typeMap: {}, defaultType: 'import', occurredAtColumn: null }),
    /** Target → value used when the row gives none; converted like a cell of that target. */
    defaults: z.record(z.string(), z.string().max(2000)).default({}),
  })
  .strict()
  .superRefine((mapping, ctx) => {
    const seen = new Map<string, string>();
    for (const column of Object.keys(mapping.columns)) {
      const key = normalizeHeader(column);
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['columns', column], message: `same column as "${earlier}" (headers match ignoring case)` });
      }
      seen.set(key, column);
    }
    mapping.ignoreColumns.forEach((column, index) => {
      const mapped = seen.get(normalizeHeader(column));
      if (mapped !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['ignoreColumns', index], message: `"${column}" is also mapped in columns; a column is either mapped or ignored` });
      }
    });
    for (const key of ['typeFromColumn', 'occurredAtColumn'] as const) {
      const column = mapping.touch[key];
      if (column !== null && mapping.ignoreColumns.some((ignored) => normalizeHeader(ignored) === normalizeHeader(column))) {
        ctx.addIssue({ code: 'custom', path: ['touch', key], message: `"${column}" is in ignoreColumns; a column the touch reads cannot be ignored` });
      }
    }
    for (const [target, columns] of Object.entries(mapping.fallbacks)) {
      if (!isMappingTarget(target)) {
        ctx.addIssue({ code: 'custom', path: ['fallbacks', target], message: `unknown target "${target}"; expected one of ${expectedTargets}` });
        continue;
      }
      columns.forEach((column, index) => {
        const mappedAs = Object.entries(mapping.columns).find(([name]) => normalizeHeader(name) === normalizeHeader(column))?.[1];
        if (mappedAs !== target) {
          ctx.addIssue({ code: 'custom', path: ['fallbacks', target, index], message: `column "${column}" must be mapped to ${target} in columns` });
        }
      });
    }
    for (const target of Object.keys(mapping.defaults)) {
      if (!isMappingTarget(target)) {
        ctx.addIssue({ code: 'custom', path: ['defaults', target], message: `unknown target "${target}"; expected one of ${expectedTargets}` });
      }
    }
    const typeKeys = new Set<string>();
    for (const value of Object.keys(mapping.touch.typeMap)) {
      const key = value.trim().toLowerCase();
      if (typeKeys.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['touch', 'typeMap', value], message: 'listed twice (values match ignoring case)' });
      }
      typeKeys.add(key);
    }
  });

/** A validated mapping with every default filled in. */
export type ColumnMapping = z.output<typeof columnMappingSchema>;
/** What a mapping file may contain (defaults may be left out). */
export type ColumnMappingFile = z.input<typeof columnMappingSchema>;

/**
 * Validates a parsed mapping file. Issues carry the path a user would look at
 * (`columns.Lead Source: unknown target "sourse"; expected one of …`). Never throws.
 */
export function parseColumnMapping(json: unknown): { ok: true; mapping: ColumnMapping } | { ok: false; issues: FieldIssue[] } {
  const result = columnMappingSchema.safeParse(json);
  if (result.success) return { ok: true, mapping: result.data };
  return { ok: false, issues: fieldIssuesFromZod(result.error) };
}
