import type { PactVersion } from './pact-document.ts';

/**
 * The version that `version` replaced when it was put in force: the latest earlier version that was
 * ever in force. Undefined for the first version in force.
 */
export function previousActivated(versions: readonly Pick<PactVersion, 'version' | 'activatedAt'>[], version: number): Pick<PactVersion, 'version' | 'activatedAt'> | undefined {
  return versions.filter((candidate) => candidate.version < version && candidate.activatedAt !== null).sort((a, b) => b.version - a.version)[0];
}

/** Versions still on their way in: drafts and approved versions newer than the one in force. */
export function pendingVersions<Version extends Pick<PactVersion, 'version' | 'status'>>(versions: readonly Version[], activeVersion: number): Version[] {
  return versions.filter((version) => (version.status === 'draft' || version.status === 'approved') && version.version > activeVersion);
}
