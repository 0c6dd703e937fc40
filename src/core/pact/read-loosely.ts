/**
 * Reading a document that may not have passed the schema: the validator's own checks look into
 * whatever shape arrived and skip what is not there, instead of throwing on it.
 */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The value when it is a list, otherwise an empty list. */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
