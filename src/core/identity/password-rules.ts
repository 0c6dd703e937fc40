import type { FieldIssue } from '../../errors/app-error.ts';

export const minimumPasswordLength = 12;
/** Long enough for any passphrase; bounds the work one request can ask of the key derivation. */
export const maximumPasswordLength = 256;

/**
 * What is wrong with a new password, as field issues at `path` (empty when it is acceptable):
 * at least 12 characters (counted as code points, so emoji and accents count once), at most 256,
 * not only spaces, and not the user's own e-mail address. No composition rules: length is what
 * makes a password strong (NIST SP 800-63B).
 */
export function passwordIssues(password: string, options: { path?: string; email?: string } = {}): FieldIssue[] {
  const path = options.path ?? 'password';
  const length = [...password].length;
  if (length < minimumPasswordLength) return [{ path, message: `must be at least ${minimumPasswordLength} characters (got ${length})` }];
  if (length > maximumPasswordLength) return [{ path, message: `must be at most ${maximumPasswordLength} characters` }];
  if (password.trim() === '') return [{ path, message: 'must not be only spaces' }];
  if (options.email !== undefined && password.trim().toLowerCase() === options.email.trim().toLowerCase()) return [{ path, message: 'must not be your e-mail address' }];
  return [];
}
