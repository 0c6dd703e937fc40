import type { components } from '../api/schema.d.ts';
// Type only (erased from the bundle): the server's zod schema is the one source of the pact's
// shape, and every stored version passed it, so the screens read documents with its types.
import type { PactDocument } from '../../../src/core/pact/pact-schema.ts';

export type { PactDocument };
export type PactVersion = components['schemas']['PactVersion'];
export type PactChange = components['schemas']['PactChange'];
export type RescoreRun = components['schemas']['RescoreRun'];
export type PactVersionStatus = PactVersion['status'];

/**
 * The document of a stored version. The API types it as a plain record; it is a validated pact with
 * every default filled in (versions are stored only after `validatePact`), so this is a cast, not a check.
 */
export function storedPactDocument(version: PactVersion): PactDocument | null {
  return (version.document as PactDocument | undefined) ?? null;
}
