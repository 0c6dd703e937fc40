import type { Db } from '../../db/database.ts';
import { sha256Hex } from './secret-token.ts';
import { deleteSession } from './session.repository.ts';

/** Ends the session of this token (nothing happens for an unknown or expired one). */
export async function signOut(db: Db, options: { token: string }): Promise<void> {
  await deleteSession(db, sha256Hex(options.token));
}
