import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';

/**
 * Restarts a PostgreSQL cluster of this machine (`pg_ctlcluster <version> <cluster> restart`,
 * bypassing systemd; `main` is the one everything uses). Every connection of every client on that
 * server breaks, so only the full benchmark does this — never a test, whose neighbours share the server.
 */
export async function restartLocalPostgres(cluster = 'main'): Promise<void> {
  const versions = readdirSync('/etc/postgresql');
  if (versions.length !== 1) throw new Error(`expected one PostgreSQL version under /etc/postgresql, found ${versions.join(', ') || 'none'}`);
  await promisify(execFile)('pg_ctlcluster', ['--skip-systemctl-redirect', versions[0]!, cluster, 'restart'], { timeout: 120_000 });
}
