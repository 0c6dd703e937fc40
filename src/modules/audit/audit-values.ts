/**
 * What an audit entry records of a row. Pure: no I/O, no clock.
 *
 * Creates record the row as written; updates record the changed columns only, each with its value
 * before and after. Left out everywhere: the score explanation (a large blob derived from the other
 * columns and the pact, stored on the lead itself). Left out of updates: the bookkeeping times that
 * change with every write (`updated_at`, `scored_at`) — the entry's own time says when.
 */

// Derived blobs add nothing to the trail; secrets must never reach it (the log is append-only).
const neverRecorded = new Set(['score_explanation', 'password_hash', 'secret_hash', 'token_hash']);
const notAChange = new Set(['updated_at', 'scored_at']);

/** A value as the audit log stores it: instants as ISO-8601 UTC text, everything else as JSON has it. */
export function auditValueOf(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
}

/** The values of a created row (every column given, minus the score explanation). */
export function createdValues(row: object): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (neverRecorded.has(column) || value === undefined) continue;
    values[column] = auditValueOf(value);
  }
  return values;
}

/** The lead's jsonb columns, which updates carry as JSON text. */
export const leadJsonColumns = ['attributes', 'routing', 'score_explanation'] as const;

/** A copy of `row` with the given columns, when they hold JSON text, parsed back to values. */
export function withJsonColumnsParsed<Row extends object>(row: Row, columns: readonly string[]): Row {
  const copy = { ...row } as Record<string, unknown>;
  for (const column of columns) {
    const value = copy[column];
    if (typeof value !== 'string') continue;
    try {
      copy[column] = JSON.parse(value) as unknown;
    } catch {
      // not JSON text: recorded as it is
    }
  }
  return copy as Row;
}

export interface ChangedValues {
  oldValues: Record<string, unknown>;
  newValues: Record<string, unknown>;
}

/**
 * The columns of `after` whose value differs from `before`, old and new. `after` may be a partial
 * row (an update) and may hold jsonb columns as JSON text, as repositories write them; they are
 * compared and recorded as objects. Returns null when nothing recordable changed.
 */
export function changedValues(before: object, after: object, columns?: readonly string[]): ChangedValues | null {
  const previous = before as Record<string, unknown>;
  const next = after as Record<string, unknown>;
  const oldValues: Record<string, unknown> = {};
  const newValues: Record<string, unknown> = {};
  for (const column of columns ?? Object.keys(next)) {
    if (!(column in next) || neverRecorded.has(column) || notAChange.has(column)) continue;
    const oldValue = comparable(previous[column], next[column]);
    const newValue = comparable(next[column], previous[column]);
    if (sameValue(oldValue, newValue)) continue;
    oldValues[column] = auditValueOf(oldValue);
    newValues[column] = auditValueOf(newValue);
  }
  return Object.keys(newValues).length === 0 ? null : { oldValues, newValues };
}

/** JSON text standing for a jsonb value, when the other side of the comparison is an object. */
function comparable(value: unknown, other: unknown): unknown {
  if (typeof value === 'string' && typeof other === 'object' && other !== null && !(other instanceof Date)) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value ?? null;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return instantOf(a) !== null && instantOf(a) === instantOf(b);
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return canonicalJson(a) === canonicalJson(b);
  return a === b;
}

function instantOf(value: unknown): number | null {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') {
    const time = Date.parse(value);
    return Number.isNaN(time) ? null : time;
  }
  return null;
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` compare equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, nested: unknown) =>
    typeof nested === 'object' && nested !== null && !Array.isArray(nested)
      ? Object.fromEntries(Object.entries(nested as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : nested,
  );
}
