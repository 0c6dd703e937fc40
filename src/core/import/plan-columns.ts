import type { FieldIssue } from '../../errors/app-error.ts';
import type { TouchType } from '../pact/pact-schema.ts';
import { attributeNameOf, isLeadField, type ColumnMapping, type LeadField, type MappingTarget } from './column-mapping-schema.ts';
import { maxAttributeNameLength } from './attribute-limits.ts';
import { cleanHeader, normalizeHeader } from './header-name.ts';
import { convertCell, type CellConversion } from './convert-cell.ts';

/** Where one target's value comes from: columns in order of preference, then the mapping's default. */
export interface TargetSlot {
  target: MappingTarget;
  /** Set for a lead field; undefined for an `attributes.<name>` target. */
  field: LeadField | undefined;
  attributeName: string | undefined;
  conversion: CellConversion;
  columnIndexes: readonly number[];
  /** Already converted, so a bad default is reported once per file, not once per row. */
  defaultValue: string | number | undefined;
}

/**
 * A file's columns resolved against a mapping once, so that mapping each row is a tight loop over
 * indexes. Built by planColumns; read by mapRow and describePlan.
 */
export interface ColumnPlan {
  mappingName: string;
  /** The file's headers without BOM and surrounding space, case kept. */
  headers: readonly string[];
  /** Lower-cased null values; an empty cell is always null. */
  nullValues: ReadonlySet<string>;
  longestNullValue: number;
  slots: readonly TargetSlot[];
  /** Columns neither mapped nor ignored, and where each lands in attributes. */
  unmappedColumns: readonly { index: number; attributeName: string }[];
  /** Attribute name under which a fallback column's value is kept when another column won. */
  unusedFallbackNames: ReadonlyMap<number, string>;
  ignoredIndexes: readonly number[];
  touch: {
    typeIndex: number;
    typeByValue: ReadonlyMap<string, TouchType>;
    defaultType: TouchType;
    occurredAtIndex: number;
  };
  /** Target path (`email`, `attributes.x`, `touch.occurredAt`) → columns that may have produced it. */
  sourceIndexes: ReadonlyMap<string, readonly number[]>;
}

/** Attribute holding the text of an employee count that was a range or an open bound. */
export const employeesRawAttribute = 'employees_raw';

const noColumn = -1;

function conversionOf(field: LeadField | undefined): CellConversion {
  if (field === 'employees') return 'employees';
  if (field === 'annualRevenue') return 'money';
  return 'text';
}

/**
 * Resolves every header to a target once per file. Issues name mapping entries whose column is not
 * in the file (`columns.<name>`: "column not in file"), two columns feeding one target without a
 * declared fallback order, bad defaults, duplicate headers and attribute names that collide.
 * Issues do not stop the plan: it is always usable, and the caller decides whether they block.
 */
export function planColumns(rawHeaders: readonly string[], mapping: ColumnMapping): { plan: ColumnPlan; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const headers = rawHeaders.map(cleanHeader);
  const indexByHeader = new Map<string, number>();
  const duplicateIndexes = new Set<number>();
  headers.forEach((header, index) => {
    const key = normalizeHeader(header);
    const first = indexByHeader.get(key);
    if (first === undefined) {
      indexByHeader.set(key, index);
    } else {
      duplicateIndexes.add(index);
      issues.push({ path: `headers.${index + 1}`, message: `"${header}" appears again (first as column ${first + 1}); this one is kept as attributes.${duplicateName(header, index)}` });
    }
  });
  const findColumn = (name: string): number => indexByHeader.get(normalizeHeader(name)) ?? noColumn;

  const consumed = new Set<number>();
  const columnsByTarget = new Map<string, number[]>();
  for (const [column, target] of Object.entries(mapping.columns)) {
    const index = findColumn(column);
    if (index === noColumn) {
      issues.push({ path: `columns.${column}`, message: 'column not in file' });
      continue;
    }
    consumed.add(index);
    columnsByTarget.set(target, [...(columnsByTarget.get(target) ?? []), index]);
  }

  const ignoredIndexes: number[] = [];
  mapping.ignoreColumns.forEach((column, position) => {
    const index = findColumn(column);
    if (index === noColumn) issues.push({ path: `ignoreColumns.${position}`, message: `column "${column}" not in file` });
    else {
      consumed.add(index);
      ignoredIndexes.push(index);
    }
  });

  const touchIndex = (key: 'typeFromColumn' | 'occurredAtColumn'): number => {
    const column = mapping.touch[key];
    if (column === null) return noColumn;
    const index = findColumn(column);
    if (index === noColumn) issues.push({ path: `touch.${key}`, message: `column "${column}" not in file` });
    else consumed.add(index);
    return index;
  };
  const typeIndex = touchIndex('typeFromColumn');
  const occurredAtIndex = touchIndex('occurredAtColumn');

  const unusedFallbackNames = new Map<number, string>();
  const slots: TargetSlot[] = [];
  const defaults: Record<string, string> = { ...mapping.defaults };
  if (mapping.externalSource !== undefined && defaults['externalSource'] === undefined) defaults['externalSource'] = mapping.externalSource;
  const targets = new Set<string>([...columnsByTarget.keys(), ...Object.keys(defaults)]);
  for (const target of targets as Set<MappingTarget>) {
    const columnIndexes = orderedColumns(target, columnsByTarget.get(target) ?? [], mapping, findColumn, headers, issues);
    for (const index of columnIndexes.slice(1)) unusedFallbackNames.set(index, headers[index] ?? '');
    const field = isLeadField(target) ? target : undefined;
    const conversion = conversionOf(field);
    let defaultValue: string | number | undefined;
    const defaultText = defaults[target]?.trim();
    if (defaultText !== undefined && defaultText !== '') {
      const converted = convertCell(conversion, defaultText);
      if (converted.ok) defaultValue = converted.value;
      else issues.push({ path: `defaults.${target}`, message: converted.message });
    }
    slots.push({ target, field, attributeName: attributeNameOf(target), conversion, columnIndexes, defaultValue });
  }

  const unmappedColumns: { index: number; attributeName: string }[] = [];
  headers.forEach((header, index) => {
    if (consumed.has(index)) return;
    const attributeName = duplicateIndexes.has(index) ? duplicateName(header, index) : header === '' ? `column_${index + 1}` : header;
    unmappedColumns.push({ index, attributeName });
  });

  const sourceIndexes = new Map<string, number[]>();
  const addSource = (target: string, index: number) => sourceIndexes.set(target, [...(sourceIndexes.get(target) ?? []), index]);
  for (const slot of slots) for (const index of slot.columnIndexes) addSource(slot.target, index);
  for (const { index, attributeName } of unmappedColumns) addSource(`attributes.${attributeName}`, index);
  for (const [index, name] of unusedFallbackNames) addSource(`attributes.${name}`, index);
  const employeesSlot = slots.find((slot) => slot.field === 'employees');
  for (const index of employeesSlot?.columnIndexes ?? []) addSource(`attributes.${employeesRawAttribute}`, index);
  if (typeIndex !== noColumn) addSource('touch.type', typeIndex);
  if (occurredAtIndex !== noColumn) addSource('touch.occurredAt', occurredAtIndex);
  reportAttributeCollisions(sourceIndexes, headers, issues);

  const nullValues = new Set(['', ...mapping.nullValues.map((value) => value.trim().toLowerCase())]);
  const typeByValue = new Map<string, TouchType>(Object.entries(mapping.touch.typeMap).map(([value, type]) => [value.trim().toLowerCase(), type]));
  const plan: ColumnPlan = {
    mappingName: mapping.name,
    headers,
    nullValues,
    longestNullValue: Math.max(...[...nullValues].map((value) => value.length)),
    slots,
    unmappedColumns,
    unusedFallbackNames,
    ignoredIndexes,
    touch: { typeIndex, typeByValue, defaultType: mapping.touch.defaultType, occurredAtIndex },
    sourceIndexes,
  };
  return { plan, issues };
}

function duplicateName(header: string, index: number): string {
  return `${header === '' ? 'column' : header} (column ${index + 1})`;
}

/** Declared fallback order first; any other column on the same target follows in file order, with an issue. */
function orderedColumns(
  target: string,
  indexes: readonly number[],
  mapping: ColumnMapping,
  findColumn: (name: string) => number,
  headers: readonly string[],
  issues: FieldIssue[],
): number[] {
  const declared = (mapping.fallbacks[target] ?? []).map(findColumn).filter((index) => indexes.includes(index));
  const undeclared = indexes.filter((index) => !declared.includes(index)).sort((a, b) => a - b);
  const ordered = [...declared, ...undeclared];
  const winner = ordered[0];
  if (winner !== undefined) {
    for (const index of ordered.slice(1).filter((index) => undeclared.includes(index))) {
      const name = headers[index] ?? '';
      issues.push({
        path: `columns.${mappingKeyFor(mapping, name)}`,
        message: `"${name}" and "${headers[winner]}" both map to ${target}; list them in fallbacks.${target} to say which wins (until then "${headers[winner]}" does)`,
      });
    }
  }
  return ordered;
}

function mappingKeyFor(mapping: ColumnMapping, header: string): string {
  return Object.keys(mapping.columns).find((column) => normalizeHeader(column) === normalizeHeader(header)) ?? header;
}

// Pact rules read attributes ignoring case, so two names differing only in case would shadow each other.
function reportAttributeCollisions(sourceIndexes: ReadonlyMap<string, readonly number[]>, headers: readonly string[], issues: FieldIssue[]): void {
  const byName = new Map<string, string>();
  for (const [target, indexes] of sourceIndexes) {
    const name = attributeNameOf(target);
    if (name === undefined || name === employeesRawAttribute) continue;
    const key = name.toLowerCase();
    const earlier = byName.get(key);
    const columns = [...new Set(indexes)].map((index) => headers[index]).join('", "');
    if (earlier !== undefined && earlier !== name) {
      issues.push({ path: `attributes.${name}`, message: `attribute from "${columns}" collides with attributes.${earlier} (names match ignoring case)` });
    }
    byName.set(key, name);
  }
  for (const [target, indexes] of sourceIndexes) {
    const name = attributeNameOf(target);
    if (name !== undefined && name.length > maxAttributeNameLength) {
      issues.push({
        path: `attributes.${name.slice(0, 40)}…`,
        message: `attribute name from column ${(indexes[0] ?? 0) + 1} is longer than ${maxAttributeNameLength} characters; map the column to a shorter attributes.<name>`,
      });
    }
  }
}

export interface ColumnDescription {
  column: string;
  /** Lead fields, `attributes.<name>`, `touch.type`, `touch.occurredAt`, or `ignored`. */
  targets: readonly string[];
  /** Why the column may not be used in a row, for fallbacks: "used when Phone is empty". */
  note?: string;
}

/** Per header, in file order, where its values go: what the import preview shows before any row is read. */
export function describePlan(plan: ColumnPlan): ColumnDescription[] {
  const targetsByIndex = plan.headers.map((): string[] => []);
  const notes = new Map<number, string>();
  for (const slot of plan.slots) {
    slot.columnIndexes.forEach((index, rank) => {
      targetsByIndex[index]?.push(slot.target);
      if (rank > 0) {
        const before = slot.columnIndexes.slice(0, rank).map((earlier) => plan.headers[earlier]);
        notes.set(index, `used when ${before.join(' and ')} ${before.length > 1 ? 'are' : 'is'} empty; otherwise kept as attributes.${plan.unusedFallbackNames.get(index)}`);
      }
    });
  }
  for (const { index, attributeName } of plan.unmappedColumns) targetsByIndex[index]?.push(`attributes.${attributeName}`);
  if (plan.touch.typeIndex !== noColumn) targetsByIndex[plan.touch.typeIndex]?.push('touch.type');
  if (plan.touch.occurredAtIndex !== noColumn) targetsByIndex[plan.touch.occurredAtIndex]?.push('touch.occurredAt');
  for (const index of plan.ignoredIndexes) targetsByIndex[index]?.push('ignored');
  return plan.headers.map((column, index) => {
    const note = notes.get(index);
    return { column, targets: targetsByIndex[index] ?? [], ...(note === undefined ? {} : { note }) };
  });
}
