/** A canonical UUID (any version), as PostgreSQL accepts it. Checked before a query, so a bad id is a 400, not a database error. */
export const uuidPattern = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
