import { createHmac } from 'node:crypto';

/**
 * The suppression-list entry of an e-mail match key (normalizeEmail(...).matchKey, so every
 * spelling of one address gives one entry): HMAC-SHA-256 under the installation's key, hex.
 * A plain hash of an address can be reversed by hashing a list of candidate addresses; without
 * the key it cannot. The `email:` prefix leaves room for other kinds of identity in the same list.
 */
export function suppressionHash(key: string, emailMatchKey: string): string {
  return createHmac('sha256', key).update(`email:${emailMatchKey}`).digest('hex');
}
