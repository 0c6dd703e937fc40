import { AppError } from '../../errors/app-error.ts';
import { pactDocumentSchema, type PactDocument } from '../../core/pact/pact-schema.ts';
import type { Db } from '../../db/database.ts';
import { findActivePactVersion, findActivePactVersionId } from './pact-version.repository.ts';

export interface ActivePact {
  versionId: string;
  version: number;
  pact: PactDocument;
}

// Parsed pacts by version id. A version's document never changes once stored, so the cache needs
// no invalidation; only "which version is active" is read from the database each time.
const parsedById = new Map<string, ActivePact>();

/** The pact in force now. One cheap query per call; the document is parsed once per version. */
export async function loadActivePact(db: Db): Promise<ActivePact> {
  const activeId = await findActivePactVersionId(db);
  if (!activeId) {
    throw new AppError('CONFLICT', { userMessage: 'no pact is active: run `leadpact migrate` (it installs the default pact) or activate a version' });
  }
  const cached = parsedById.get(activeId);
  if (cached) return cached;
  const row = await findActivePactVersion(db);
  if (!row) return loadActivePact(db);
  const active: ActivePact = { versionId: row.id, version: row.version, pact: pactDocumentSchema.parse(row.document) };
  parsedById.set(row.id, active);
  return active;
}
