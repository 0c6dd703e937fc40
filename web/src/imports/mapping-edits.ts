import { isLeadField, sameChoice, type ColumnChoice, type ImportMapping, type LeadField } from './mapping-targets.ts';

/*
 * The import screen edits the mapping the preview returned (the detected format's, or the one sent)
 * one column at a time and sends it back whole. These functions mirror how the server reads a
 * mapping (src/core/import/plan-columns.ts): headers match ignoring a BOM, surrounding space and
 * case; a column neither mapped nor ignored lands in attributes under its own header; two columns on
 * one field need a fallback order. The server still decides: every change is previewed again.
 */

const attributePrefix = 'attributes.';

/** A header as the server shows and stores it: without a byte-order mark, trimmed, case kept. */
export function cleanHeader(header: string): string {
  return (header.startsWith('\uFEFF') ? header.slice(1) : header).trim();
}

/** Whether two headers name the same column for the server (ignoring BOM, surrounding space and case). */
export function sameHeader(a: string, b: string): boolean {
  return cleanHeader(a).toLowerCase() === cleanHeader(b).toLowerCase();
}

/** Where `column` goes under `mapping`. A column the mapping does not mention is kept as an attribute under its header. */
export function columnChoiceOf(mapping: ImportMapping, column: string): ColumnChoice {
  const target = Object.entries(mapping.columns).find(([name]) => sameHeader(name, column))?.[1];
  if (target !== undefined && isLeadField(target)) return { kind: 'field', field: target };
  if (target !== undefined && target.startsWith(attributePrefix)) return { kind: 'attribute', name: target.slice(attributePrefix.length) };
  if (mapping.touch.typeFromColumn !== null && sameHeader(mapping.touch.typeFromColumn, column)) return { kind: 'touchType' };
  if (mapping.touch.occurredAtColumn !== null && sameHeader(mapping.touch.occurredAtColumn, column)) return { kind: 'touchTime' };
  if (mapping.ignoreColumns.some((name) => sameHeader(name, column))) return { kind: 'ignore' };
  return { kind: 'attribute', name: cleanHeader(column) };
}

/** The attribute name the column keeps when it is (or goes back to being) kept as an attribute. */
export function attributeNameFor(mapping: ImportMapping, column: string): string {
  const choice = columnChoiceOf(mapping, column);
  return choice.kind === 'attribute' ? choice.name : cleanHeader(column);
}

/**
 * `mapping` with `column` sent where `choice` says, and nowhere else. A second column on a field
 * already fed by others becomes its last fallback (used when the others are empty), so the
 * columns mapped before keep winning and the server has no ambiguity to warn about. `headers` are
 * the file's, in file order (the order undeclared fallbacks take).
 */
export function withColumnChoice(mapping: ImportMapping, column: string, choice: ColumnChoice, headers: readonly string[]): ImportMapping {
  if (sameChoice(columnChoiceOf(mapping, column), choice)) return mapping;
  const isThisColumn = (name: string) => sameHeader(name, column);
  const columns: Record<string, string> = Object.fromEntries(Object.entries(mapping.columns).filter(([name]) => !isThisColumn(name)));
  const fallbacks: Record<string, string[]> = {};
  for (const [target, names] of Object.entries(mapping.fallbacks)) {
    const rest = names.filter((name) => !isThisColumn(name));
    if (rest.length >= 2) fallbacks[target] = rest;
  }
  const ignoreColumns = mapping.ignoreColumns.filter((name) => !isThisColumn(name));
  const touch = {
    ...mapping.touch,
    typeFromColumn: mapping.touch.typeFromColumn !== null && isThisColumn(mapping.touch.typeFromColumn) ? null : mapping.touch.typeFromColumn,
    occurredAtColumn: mapping.touch.occurredAtColumn !== null && isThisColumn(mapping.touch.occurredAtColumn) ? null : mapping.touch.occurredAtColumn,
  };
  const name = cleanHeader(column);

  switch (choice.kind) {
    case 'field': {
      const fallbackOrder = orderOfColumnsFeeding(choice.field, columns, fallbacks, headers);
      columns[name] = choice.field;
      if (fallbackOrder.length > 0) fallbacks[choice.field] = [...fallbackOrder, name];
      break;
    }
    case 'attribute':
      // Under its own header it needs no entry (unmapped columns land there); a renamed one does.
      if (choice.name !== name) columns[name] = `${attributePrefix}${choice.name}`;
      break;
    case 'ignore':
      ignoreColumns.push(name);
      break;
    case 'touchTime':
      touch.occurredAtColumn = name;
      break;
    case 'touchType':
      touch.typeFromColumn = name;
      break;
  }
  return { ...mapping, columns, fallbacks, ignoreColumns, touch };
}

/** The columns already feeding `field`: its declared fallback order first, then the others in file order. */
function orderOfColumnsFeeding(field: LeadField, columns: Record<string, string>, fallbacks: Record<string, string[]>, headers: readonly string[]): string[] {
  const feeding = Object.keys(columns).filter((name) => columns[name] === field);
  if (feeding.length === 0) return [];
  const declared = (fallbacks[field] ?? []).filter((name) => feeding.some((other) => sameHeader(other, name)));
  const position = (name: string) => {
    const index = headers.findIndex((header) => sameHeader(header, name));
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  const undeclared = feeding.filter((name) => !declared.some((other) => sameHeader(other, name))).sort((a, b) => position(a) - position(b));
  return [...declared, ...undeclared];
}

/** The file's columns (by index) whose choice differs between two mappings: what the person changed. */
export function changedColumnIndexes(base: ImportMapping, current: ImportMapping, headers: readonly string[]): number[] {
  return headers.flatMap((header, index) => (sameChoice(columnChoiceOf(base, header), columnChoiceOf(current, header)) ? [] : [index]));
}

const adjustedSuffix = ' (adjusted)';
const maxMappingNameLength = 100;

/** The mapping as sent with a changed import: named after the one it started from, so the import list says where it came from. */
export function adjustedMapping(base: ImportMapping, current: ImportMapping): ImportMapping {
  const name = base.name.endsWith(adjustedSuffix) ? base.name : `${base.name.slice(0, maxMappingNameLength - adjustedSuffix.length)}${adjustedSuffix}`;
  return { ...current, name };
}

/** Indexes of headers that repeat an earlier one (ignoring case): the server keeps those as attributes whatever the mapping says. */
export function repeatedHeaderIndexes(headers: readonly string[]): Set<number> {
  const seen = new Set<string>();
  const repeated = new Set<number>();
  headers.forEach((header, index) => {
    const key = cleanHeader(header).toLowerCase();
    if (seen.has(key)) repeated.add(index);
    seen.add(key);
  });
  return repeated;
}

/** Whether any column of the file feeds the lead's e-mail. */
export function mapsEmail(mapping: ImportMapping, headers: readonly string[]): boolean {
  return headers.some((header) => {
    const choice = columnChoiceOf(mapping, header);
    return choice.kind === 'field' && choice.field === 'email';
  });
}
