import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh random token: `bytes` random bytes (default 32 = 256 bits) as base64url text. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * SHA-256 of a token as lowercase hex: what is stored in place of session tokens and API-key
 * secrets. A fast hash is enough there (unlike passwords): 256 random bits cannot be guessed.
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Whether two secrets are equal, in time that does not depend on where they differ. */
export function sameSecret(a: string, b: string): boolean {
  // Hashing first gives equal lengths, which timingSafeEqual requires, without leaking the length.
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

/**
 * The CSRF token of a session: derived from the session's own token (HMAC), so it needs no storage,
 * changes with every sign-in, and cannot be computed by anyone who does not hold the session cookie
 * (not even from the stored session id, which is a different hash).
 */
export function csrfTokenForSession(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('leadpact csrf v1').digest('base64url');
}
