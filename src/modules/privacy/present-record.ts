/**
 * A stored row as the export shows it: camelCase keys (`first_name` → `firstName`), instants as
 * ISO 8601 text, everything else as stored.
 */
export function presentRecord(row: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [camelCase(key), value instanceof Date ? value.toISOString() : value]));
}

function camelCase(key: string): string {
  return key.replace(/_([a-z0-9])/gu, (_match, letter: string) => letter.toUpperCase());
}
