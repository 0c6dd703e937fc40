import type { z } from 'zod';
import { leadInputSchema, type LeadInput } from '../lead/lead-input.ts';
import { maxAttributeValueLength } from './attribute-limits.ts';
import { convertCell } from './convert-cell.ts';
import { parseIsoDateTime } from './parse-iso-datetime.ts';
import { employeesRawAttribute, type ColumnPlan } from './plan-columns.ts';

/** One problem with one CSV row: its line, the column (or target) at fault, and why. */
export interface RowIssue {
  line: number;
  /** The CSV column that produced the bad value when known (`Email`), else the target (`email`), or `(row)`. */
  field: string;
  message: string;
}

export type MapRowResult = { ok: true; input: LeadInput } | { ok: false; issues: RowIssue[] };

/**
 * Turns one CSV row into a LeadInput through a plan made by planColumns: trims cells, treats the
 * mapping's null values (and empty cells) as absent, converts employees (midpoint of a range, raw
 * text kept in attributes.employees_raw) and annual revenue (currency units → minor units), derives
 * the touch, applies defaults and finally validates with leadInputSchema (attributes against the
 * schema's own limits, see attribute-limits.ts). Attribute values stay verbatim strings. Never
 * throws and never drops a value silently: a row either maps or comes back with every issue found,
 * each naming the column at fault. `line` is only echoed into the issues.
 */
export function mapRow(plan: ColumnPlan, cells: readonly string[], line: number): MapRowResult {
  if (cells.length !== plan.headers.length) {
    return { ok: false, issues: [{ line, field: '(row)', message: `expected ${plan.headers.length} cells, found ${cells.length}` }] };
  }
  const input: Record<string, unknown> = {};
  const attributes: Record<string, string> = {};
  let hasAttributes = false;
  let issues: RowIssue[] | undefined;

  for (const slot of plan.slots) {
    let text: string | undefined;
    let fromIndex = -1;
    for (const index of slot.columnIndexes) {
      const cell = presentCell(plan, cells[index]);
      if (cell === undefined) continue;
      if (text === undefined) {
        text = cell;
        fromIndex = index;
      } else {
        attributes[plan.unusedFallbackNames.get(index) as string] = cell;
        hasAttributes = true;
      }
    }
    let value: string | number | undefined = slot.defaultValue;
    if (text !== undefined) {
      if (slot.conversion === 'text') {
        value = text;
      } else {
        const converted = convertCell(slot.conversion, text);
        if (!converted.ok) {
          (issues ??= []).push({ line, field: plan.headers[fromIndex] ?? slot.target, message: converted.message });
          continue;
        }
        value = converted.value;
        if (converted.estimated && slot.field === 'employees') {
          attributes[employeesRawAttribute] = text;
          hasAttributes = true;
        }
      }
    }
    if (value === undefined) continue;
    if (slot.field !== undefined) {
      input[slot.field] = value;
    } else {
      attributes[slot.attributeName as string] = value as string;
      hasAttributes = true;
    }
  }

  for (const { index, attributeName } of plan.unmappedColumns) {
    const cell = presentCell(plan, cells[index]);
    if (cell === undefined) continue;
    attributes[attributeName] = cell;
    hasAttributes = true;
  }
  if (hasAttributes) {
    for (const name in attributes) {
      if ((attributes[name] as string).length <= maxAttributeValueLength) continue;
      const target = `attributes.${name}`;
      (issues ??= []).push({ line, field: columnOf(plan, cells, target) ?? target, message: `at most ${maxAttributeValueLength} characters` });
    }
  }

  input['touch'] = touchOf(plan, cells, line, (issue) => (issues ??= []).push(issue));

  // Attributes were checked above against the schema's own limits; see attribute-limits.ts for why.
  const result = leadInputSchema.safeParse(input);
  if (result.success && issues === undefined) {
    const lead: LeadInput = result.data;
    if (hasAttributes) lead.attributes = attributes;
    return { ok: true, input: lead };
  }
  const schemaIssues = result.success ? [] : rowIssuesFromZod(plan, cells, line, result.error);
  return { ok: false, issues: [...(issues ?? []), ...schemaIssues] };
}

function touchOf(plan: ColumnPlan, cells: readonly string[], line: number, report: (issue: RowIssue) => void): Record<string, unknown> {
  const touch = plan.touch;
  const activity = touch.typeIndex === -1 ? undefined : presentCell(plan, cells[touch.typeIndex]);
  const type = activity === undefined ? touch.defaultType : (touch.typeByValue.get(activity.toLowerCase()) ?? touch.defaultType);
  const touchInput: Record<string, unknown> = { type };
  // The source's own word for the activity is kept whenever the touch type does not already say it.
  if (activity !== undefined && activity !== type) touchInput['detail'] = { activity };
  const occurredAt = touch.occurredAtIndex === -1 ? undefined : presentCell(plan, cells[touch.occurredAtIndex]);
  if (occurredAt !== undefined) {
    const parsed = parseIsoDateTime(occurredAt);
    if (parsed.ok) touchInput['occurredAt'] = parsed.isoDateTime;
    else report({ line, field: plan.headers[touch.occurredAtIndex] ?? 'touch.occurredAt', message: parsed.message });
  }
  return touchInput;
}

/** The trimmed cell, or undefined when it is empty or one of the mapping's null values. */
function presentCell(plan: ColumnPlan, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (text === '') return undefined;
  if (text.length <= plan.longestNullValue && plan.nullValues.has(text.toLowerCase())) return undefined;
  return text;
}

function rowIssuesFromZod(plan: ColumnPlan, cells: readonly string[], line: number, error: z.ZodError): RowIssue[] {
  return error.issues.map((issue) => {
    const target = issue.path.slice(0, 2).map(String);
    const key = target[0] === 'attributes' || target[0] === 'touch' ? target.join('.') : (target[0] ?? '(row)');
    return { line, field: columnOf(plan, cells, key) ?? key, message: issue.message };
  });
}

// The column that actually gave the target its value in this row; a target filled by a default or
// left empty has no column, and the issue then names the target.
function columnOf(plan: ColumnPlan, cells: readonly string[], target: string): string | undefined {
  const index = plan.sourceIndexes.get(target)?.find((candidate) => presentCell(plan, cells[candidate]) !== undefined);
  return index === undefined ? undefined : plan.headers[index];
}
