import { suppressionHash } from '../../core/privacy/suppression-hash.ts';
import type { Db } from '../../db/database.ts';
import type { FieldIssue } from '../../errors/app-error.ts';
import { findSuppressions, loadSuppressionKey } from './suppression.repository.ts';

/** The issue of a capture refused because the person asked to be erased. */
export const suppressedPersonIssue: FieldIssue = { path: 'email', message: 'this person asked to be erased; leadpact will not store them again' };

/**
 * Which of the given e-mail match keys (normalizeEmail(...).matchKey) belong to people who asked to
 * be erased. Every spelling of an address has the same match key, so checking the key refuses them
 * all. Two small queries whatever the number of keys; none for an empty list.
 */
export async function isSuppressed(db: Db, emailMatchKeys: readonly string[]): Promise<Set<string>> {
  const keys = [...new Set(emailMatchKeys)];
  if (keys.length === 0) return new Set();
  const secret = await loadSuppressionKey(db);
  const keyByHash = new Map(keys.map((key) => [suppressionHash(secret, key), key]));
  const found = await findSuppressions(db, [...keyByHash.keys()]);
  return new Set([...found.keys()].map((hash) => keyByHash.get(hash)!));
}
