import type { FieldIssue } from '../../errors/app-error.ts';

/** One rejected row: its physical line, the CSV column (or target) at fault, and why. */
export interface ImportRowError {
  line: number;
  field: string;
  message: string;
}

export type ImportRowOutcome = 'created' | 'merged' | 'junk' | 'rejected';

/**
 * What an import did. Every data row ends in exactly one of created, merged, junk or rejected, so
 * `created + merged + junk + rejected === rows`. `unchanged` counts the merged rows that brought
 * nothing new (a re-imported row). `errors` lists every rejected row in line order.
 */
export interface ImportReport {
  importId: string;
  rows: number;
  created: number;
  merged: number;
  junk: number;
  rejected: number;
  errors: ImportRowError[];
  /** leadpact, salesforce, hubspot, or custom (a mapping was given). */
  format: string;
  unchanged: number;
  /** Problems with the mapping that did not stop the import (a mapped column missing from the file). */
  warnings: FieldIssue[];
}

/** Collapses a row's issues into one entry: the first names the field, the rest follow in the message. */
export function rowErrorOf(line: number, issues: readonly { field: string; message: string }[]): ImportRowError {
  const [first, ...others] = issues;
  if (first === undefined) return { line, field: '(row)', message: 'rejected' };
  const more = others.map((issue) => `; ${issue.field}: ${issue.message}`).join('');
  return { line, field: first.field, message: `${first.message}${more}` };
}
