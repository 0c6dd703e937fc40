/**
 * The text of an API key: `lp_<prefix>_<secret>`. The prefix (12 lowercase hex digits) is public —
 * shown in lists and used to find the key; the secret (43 base64url characters, 256 random bits)
 * is shown once and stored only as its SHA-256.
 */
const apiKeyPattern = /^lp_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface ApiKeyParts {
  prefix: string;
  secret: string;
}

export function formatApiKey(parts: ApiKeyParts): string {
  return `lp_${parts.prefix}_${parts.secret}`;
}

/** The prefix and secret of a well-formed key; null for anything else (never throws). */
export function parseApiKey(text: string): ApiKeyParts | null {
  const match = apiKeyPattern.exec(text.trim());
  if (!match) return null;
  return { prefix: match[1]!, secret: match[2]! };
}

/** Whether a bearer token looks like one of our keys (`lp_…`), well-formed or not. */
export function looksLikeApiKey(text: string): boolean {
  return text.trim().startsWith('lp_');
}
